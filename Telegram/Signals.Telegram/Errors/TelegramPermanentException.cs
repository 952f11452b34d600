namespace Signals.Telegram.Errors;

public sealed class TelegramPermanentException(string errorCode, string message)
    : TelegramException(TelegramErrorKind.Permanent, errorCode, message);
