using Microsoft.Extensions.Logging;

namespace Signals.Streaming.Redis;

internal static partial class StreamLog
{
    [LoggerMessage(1, LogLevel.Warning, "Redis stream queue {Queue} of provider {Provider} is unreachable; next attempt in {Backoff}")]
    public static partial void RedisUnavailable(ILogger logger, string provider, uint queue, TimeSpan backoff, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Queue {Queue} of provider {Provider}: claimed {Count} pending entries for redelivery")]
    public static partial void Redelivering(ILogger logger, string provider, uint queue, int count);

    [LoggerMessage(3, LogLevel.Warning, "Queue {Queue} of provider {Provider}: entry {EntryId} moved to the dead letters after {Deliveries} deliveries ({Reason})")]
    public static partial void DeadLettered(ILogger logger, string provider, uint queue, string entryId, long deliveries, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Queue {Queue} of provider {Provider}: delivery of entry {EntryId} on stream {StreamId} failed; it stays pending and is redelivered later")]
    public static partial void DeliveryFailed(ILogger logger, string provider, uint queue, string? entryId, string streamId);

    [LoggerMessage(5, LogLevel.Warning, "Queue {Queue} of provider {Provider}: acknowledging {Count} entries failed; will retry")]
    public static partial void AcknowledgeFailed(ILogger logger, string provider, uint queue, int count, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Queue {Queue} of provider {Provider}: consumer group {Group} created")]
    public static partial void GroupCreated(ILogger logger, string provider, uint queue, string group);

    [LoggerMessage(7, LogLevel.Debug, "Queue {Queue} of provider {Provider}: trimmed {Count} acknowledged entries ({Cut})")]
    public static partial void Trimmed(ILogger logger, string provider, uint queue, long count, string cut);

    [LoggerMessage(9, LogLevel.Information, "Queue {Queue} of provider {Provider}: entry {EntryId} of {Batches} batches split into one entry per batch before its redelivery")]
    public static partial void Split(ILogger logger, string provider, uint queue, string entryId, int batches);

    [LoggerMessage(8, LogLevel.Information, "Dead letter {DeadLetterId} replayed into {QueueKey} as {EntryId}")]
    public static partial void Replayed(ILogger logger, string deadLetterId, string queueKey, string entryId);
}
