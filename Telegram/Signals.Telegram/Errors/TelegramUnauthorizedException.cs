namespace Signals.Telegram.Errors;

/// <summary>The session's authorization is gone or never existed; the owner must log in again, not retry.</summary>
public sealed class TelegramUnauthorizedException(string errorCode)
    : TelegramException(TelegramErrorKind.Unauthorized, errorCode, $"{errorCode}: the session needs a login");
