using StackExchange.Redis;

namespace Signals.Streaming.Redis;

/// <summary>Which exceptions mean "Redis is unreachable or not ready right now" (worth backing off and retrying).</summary>
internal static class RedisFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException or TimeoutException => true,
        // LOADING: a restarted server replays its AOF; READONLY/MASTERDOWN: a failover in progress.
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("READONLY", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal),
        ObjectDisposedException => false,
        _ => false,
    };

    public static bool IsMissingGroup(Exception exception) =>
        exception is RedisServerException server && server.Message.StartsWith("NOGROUP", StringComparison.Ordinal);
}
