namespace Signals.Telegram.Errors;

public sealed class TelegramFloodWaitException(TimeSpan retryAfter, string errorCode = "FLOOD_WAIT_X")
    : TelegramException(TelegramErrorKind.FloodWait, errorCode, $"{errorCode}: retry after {retryAfter.TotalSeconds:0} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
