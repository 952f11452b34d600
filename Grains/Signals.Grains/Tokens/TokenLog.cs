using Microsoft.Extensions.Logging;

namespace Signals.Tokens;

internal static partial class TokenLog
{
    [LoggerMessage(3001, LogLevel.Information, "Alert {AlertId} raised for rule {Rule} tier {Tier} toward {Destination}")]
    public static partial void AlertRaised(ILogger logger, string alertId, string rule, int tier, string destination);

    [LoggerMessage(3002, LogLevel.Warning, "Alert {AlertId} could not be handed to {Destination} yet; it stays pending here")]
    public static partial void HandoffFailed(ILogger logger, string alertId, string destination, Exception exception);
}
