namespace Signals.Telegram.Errors;

public sealed class TelegramTransientException(string errorCode, string message, Exception? inner = null)
    : TelegramException(TelegramErrorKind.Transient, errorCode, message, inner);
