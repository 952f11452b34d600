using Microsoft.Extensions.Logging;

namespace Signals.Alerts;

internal static partial class DeliveryLog
{
    [LoggerMessage(4001, LogLevel.Information, "Alert {AlertId} delivered to {Destination} as message {MessageId} (attempt {Attempt})")]
    public static partial void Delivered(ILogger logger, string alertId, string destination, int? messageId, int attempt);

    [LoggerMessage(4002, LogLevel.Warning, "Alert {AlertId} to {Destination} deferred: {Outcome} {Error}; next attempt at {NextAttempt}")]
    public static partial void Deferred(ILogger logger, string alertId, string destination, string outcome, string? error, DateTimeOffset nextAttempt);

    [LoggerMessage(4003, LogLevel.Warning, "Destination {Destination} is not in the catalog; {Count} alerts wait for it")]
    public static partial void UnknownDestination(ILogger logger, string destination, int count);
}
