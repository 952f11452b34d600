using StackExchange.Redis;

namespace Signals.Streaming.Redis;

/// <summary>Settings of one Redis Streams provider (named like the Orleans stream provider).</summary>
public sealed class RedisStreamOptions
{
    /// <summary>The token in <see cref="KeyPrefix"/> replaced by the cluster's ServiceId.</summary>
    public const string ServiceIdToken = "{serviceId}";

    /// <summary>StackExchange.Redis connection string; ignored when <see cref="ConnectionFactory"/> is set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Supplies a (typically shared) multiplexer; the provider never disposes one it did not create.</summary>
    public Func<IServiceProvider, Task<IConnectionMultiplexer>>? ConnectionFactory { get; set; }

    /// <summary>Prefix of every key; <c>{serviceId}</c> is replaced so deployments sharing a Redis never meet.</summary>
    public string KeyPrefix { get; set; } = "signals:" + ServiceIdToken + ":streams:";

    /// <summary>Redis streams (Orleans queues) per provider; Orleans streams are spread over them by a hash ring.</summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>
    /// A queue longer than this is trimmed every <see cref="MaintenanceInterval"/>: to exactly this length when no
    /// consumer group has anything in flight, otherwise up to the oldest entry a group still needs (pending, or not
    /// yet read), so possibly shorter; such entries are never removed. It counts Redis entries, and with group commit
    /// one entry holds up to <see cref="MaxBatchesPerEntry"/> publishes: size Redis memory for the events, not the
    /// entries.
    /// </summary>
    public long MaxStreamLength { get; set; } = 100_000;

    /// <summary>K: deliveries of one entry before it moves to the dead-letter stream instead of another attempt.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>
    /// Group commit: publishes to one queue that arrive while that queue's previous XADD is still on its way to Redis
    /// are written together as one entry, up to this many batches (one batch = one publish call). Each publisher's
    /// await still completes only once Redis has the entry. 1 writes one entry per publish.
    /// </summary>
    public int MaxBatchesPerEntry { get; set; } = 64;

    /// <summary>Entries read per XREADGROUP.</summary>
    public int ReadBatchSize { get; set; } = 100;

    /// <summary>How long a failed or abandoned entry stays idle before it is delivered again.</summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a receiver looks for entries to redeliver, trims its stream and samples its pending count.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First pause of a receiver after Redis failed; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Dead letters kept (approximately; older ones are trimmed). Zero keeps all.</summary>
    public long DeadLetterMaxLength { get; set; } = 100_000;

    /// <summary>Consumer group name; one group per queue stream.</summary>
    public string ConsumerGroup { get; set; } = "signals";
}
