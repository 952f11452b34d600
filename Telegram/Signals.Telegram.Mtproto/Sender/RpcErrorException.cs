namespace Signals.Telegram.Mtproto.Sender;

/// <summary>The server answered a call with rpc_error (e.g. 420 FLOOD_WAIT_30, 303 PHONE_MIGRATE_4).</summary>
public sealed class RpcErrorException : Exception
{
    public RpcErrorException(int code, string errorMessage)
        : base($"{code} {errorMessage}")
    {
        Code = code;
        ErrorMessage = errorMessage;
    }

    public RpcErrorException()
        : this(500, "UNKNOWN")
    {
    }

    public RpcErrorException(string message)
        : this(500, message)
    {
    }

    public RpcErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorMessage = message;
    }

    public int Code { get; }

    public string ErrorMessage { get; } = "";
}
