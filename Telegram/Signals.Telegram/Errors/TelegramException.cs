namespace Signals.Telegram.Errors;

/// <summary>
/// Base of every error the port raises. <see cref="Exception.Message"/> names the Telegram error and never
/// carries a secret (no phone number, code, password, auth key or api_hash).
/// </summary>
public class TelegramException : Exception
{
    public TelegramException(TelegramErrorKind kind, string errorCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        ErrorCode = errorCode;
    }

    public TelegramErrorKind Kind { get; }

    /// <summary>Telegram's error name, e.g. <c>FLOOD_WAIT_X</c> or <c>CHAT_WRITE_FORBIDDEN</c>.</summary>
    public string ErrorCode { get; }
}
