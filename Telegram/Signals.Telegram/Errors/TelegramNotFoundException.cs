namespace Signals.Telegram.Errors;

public sealed class TelegramNotFoundException(string errorCode, string what)
    : TelegramException(TelegramErrorKind.NotFound, errorCode, $"{errorCode}: {what} not found");
