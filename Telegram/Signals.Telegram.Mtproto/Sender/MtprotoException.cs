namespace Signals.Telegram.Mtproto.Sender;

/// <summary>A call could not be completed at the protocol level (not an rpc_error: see <see cref="RpcErrorException"/>).</summary>
public sealed class MtprotoException : Exception
{
    public MtprotoException(string message)
        : base(message)
    {
    }

    public MtprotoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MtprotoException()
        : base("MTProto failure.")
    {
    }

    /// <summary>The transport error the server sent (e.g. -404: it does not know our auth key), if that was the cause.</summary>
    public int? TransportErrorCode { get; init; }

    /// <summary>The owner's fence forbade writing (<see cref="MtprotoSenderOptions.MayTransmit"/>): final, never retried.</summary>
    public bool Fenced { get; init; }
}
