namespace Signals.Silo.Embedded;

internal static partial class EmbeddedLog
{
    [LoggerMessage(5001, LogLevel.Warning, "EMBEDDED DEFAULT: no ConnectionStrings:Redis configured. Grain state, reminders and streams are IN MEMORY; Telegram is the in-process emulator. NOTHING IS DURABLE.")]
    public static partial void NothingIsDurable(ILogger logger);

    [LoggerMessage(5002, LogLevel.Information, "Demo ready: {Channels} channels read by session 'reader', alerts to destination 'alerts' via session 'notifier'; feed at {PostsPerMinute} posts/min")]
    public static partial void DemoReady(ILogger logger, int channels, double postsPerMinute);

    [LoggerMessage(5003, LogLevel.Error, "The demo could not be set up")]
    public static partial void DemoFailed(ILogger logger, Exception exception);

    [LoggerMessage(5005, LogLevel.Information, "Alert chat received message {MessageId}:\n{Text}")]
    public static partial void AlertReceived(ILogger logger, int messageId, string text);

    [LoggerMessage(5004, LogLevel.Information, "Redis mode: cluster {ClusterId}, service {ServiceId}, silo port {SiloPort}, gateway port {GatewayPort}")]
    public static partial void RedisMode(ILogger logger, string clusterId, string serviceId, int siloPort, int gatewayPort);
}
