namespace Signals.Telegram.Mtproto.Transport;

/// <summary>The peer sent bytes that break the framing; the connection must be dropped.</summary>
public sealed class TransportException : Exception
{
    public TransportException(TransportFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public TransportException()
        : this(TransportFailure.UnsupportedTransport, "Invalid transport data.")
    {
    }

    public TransportException(string message)
        : this(TransportFailure.UnsupportedTransport, message)
    {
    }

    public TransportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = TransportFailure.UnsupportedTransport;
    }

    public TransportFailure Failure { get; }
}
