using Microsoft.Extensions.Logging;

namespace Signals.Telegram.Emulator.Server.Standalone;

/// <summary>The standalone host's log lines. Never a phone number, code or key: only endpoints and counts.</summary>
internal static partial class StandaloneLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Emulator admin API listening on {Address}")]
    public static partial void AdminListening(ILogger logger, string address);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Demo world seeded: {Channels} call channels, alerts to @{Destination}; demo feed running")]
    public static partial void DemoSeeded(ILogger logger, int channels, string? destination);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Emulator stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The demo feed stopped with an error")]
    public static partial void DemoFeedFailed(ILogger logger, Exception exception);
}
