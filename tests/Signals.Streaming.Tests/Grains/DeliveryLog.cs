using System.Collections.Concurrent;

namespace Signals.Streaming.Tests.Grains;

/// <summary>Every successful delivery and failed attempt seen by consumers in this process.</summary>
public static class DeliveryLog
{
    private static readonly ConcurrentDictionary<string, int> Deliveries = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> Failures = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> SiloById = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> TraceById = new(StringComparer.Ordinal);

    public static void RecordDelivery(string id, string silo, string? traceId)
    {
        Deliveries.AddOrUpdate(id, 1, (_, count) => count + 1);
        SiloById[id] = silo;
        if (traceId is not null)
        {
            TraceById[id] = traceId;
        }
    }

    public static void RecordFailure(string id) => Failures.AddOrUpdate(id, 1, (_, count) => count + 1);

    public static IReadOnlySet<string> DeliveredIds(string prefix) =>
        Deliveries.Keys.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Deliveries beyond the first, per id, summed over ids with <paramref name="prefix"/>.</summary>
    public static int Duplicates(string prefix) =>
        Deliveries.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(pair => pair.Value - 1);

    public static int FailuresOf(string id) => Failures.TryGetValue(id, out var count) ? count : 0;

    public static string? SiloOf(string id) => SiloById.TryGetValue(id, out var silo) ? silo : null;

    public static string? TraceOf(string id) => TraceById.TryGetValue(id, out var trace) ? trace : null;
}
