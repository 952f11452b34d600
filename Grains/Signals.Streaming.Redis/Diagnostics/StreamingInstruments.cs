using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Signals.Streaming.Redis;

/// <summary>
/// Meter <c>Signals.Streaming</c>. Dimensions are the provider and the queue number only: stream ids are unbounded
/// and would explode the series count.
/// </summary>
public static class StreamingInstruments
{
    public const string MeterName = "Signals.Streaming";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<(string Provider, uint Queue), long> PendingByQueue = new();

    private static readonly Counter<long> Enqueued = Meter.CreateCounter<long>("signals.streaming.enqueued", "{batch}", "Published batches Redis has (XADD acknowledged); several may share one entry.");
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>("signals.streaming.delivered", "{batch}", "Batches read from Redis and handed to the pulling agent.");
    private static readonly Counter<long> Acknowledged = Meter.CreateCounter<long>("signals.streaming.acknowledged", "{entry}", "Entries acknowledged (XACK) after every subscriber had them.");
    private static readonly Counter<long> Redelivered = Meter.CreateCounter<long>("signals.streaming.redelivered", "{entry}", "Pending entries claimed and delivered again.");
    private static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("signals.streaming.dead_lettered", "{batch}", "Batches moved to the dead-letter stream (an entry of several batches gives one dead letter each).");
    private static readonly Counter<long> DeliveryFailures = Meter.CreateCounter<long>("signals.streaming.delivery_failures", "{entry}", "Deliveries a subscriber failed after the agent's retries.");
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("signals.streaming.lag", "ms", "Time from XADD to the entry being read by its queue's receiver.");

    static StreamingInstruments()
    {
        Meter.CreateObservableGauge("signals.streaming.pending", ObservePending, "{entry}", "Entries read but not yet acknowledged, per queue.");
    }

    internal static void RecordEnqueued(string provider, long count) => Enqueued.Add(count, new KeyValuePair<string, object?>("provider", provider));

    internal static void RecordDelivered(string provider, uint queue, long count) => Delivered.Add(count, Tags(provider, queue));

    internal static void RecordAcknowledged(string provider, uint queue, long count) => Acknowledged.Add(count, Tags(provider, queue));

    internal static void RecordRedelivered(string provider, uint queue, long count) => Redelivered.Add(count, Tags(provider, queue));

    internal static void RecordDeadLettered(string provider, uint queue, long count) => DeadLettered.Add(count, Tags(provider, queue));

    internal static void RecordDeliveryFailure(string provider, uint queue) => DeliveryFailures.Add(1, Tags(provider, queue));

    internal static void RecordLag(string provider, uint queue, double milliseconds) => Lag.Record(milliseconds, Tags(provider, queue));

    internal static void SetPending(string provider, uint queue, long pending) => PendingByQueue[(provider, queue)] = pending;

    internal static void ClearPending(string provider, uint queue) => PendingByQueue.TryRemove((provider, queue), out _);

    private static IEnumerable<Measurement<long>> ObservePending() =>
        PendingByQueue.Select(pair => new Measurement<long>(pair.Value, Tags(pair.Key.Provider, pair.Key.Queue)));

    private static TagList Tags(string provider, uint queue) => new()
    {
        { "provider", provider },
        { "queue", queue.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
