using Signals.Telegram.Crypto;

namespace Signals.Telegram.Mtproto.Session;

/// <summary>An incoming message failed a security check; the connection it came on should be dropped.</summary>
public sealed class MtprotoSessionException : Exception
{
    public MtprotoSessionException(MessageDecryptStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    public MtprotoSessionException()
        : this(MessageDecryptStatus.MessageKeyMismatch, "Message rejected.")
    {
    }

    public MtprotoSessionException(string message)
        : this(MessageDecryptStatus.MessageKeyMismatch, message)
    {
    }

    public MtprotoSessionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = MessageDecryptStatus.MessageKeyMismatch;
    }

    public MessageDecryptStatus Status { get; }
}
