using System.Collections.Concurrent;

namespace Signals.Streaming.Tests.Grains;

/// <summary>Event ids (or id prefixes) the consumer fails on; the clusters are in-process, so a static works.</summary>
public static class PoisonSwitch
{
    private static readonly ConcurrentDictionary<string, byte> Prefixes = new(StringComparer.Ordinal);

    public static void Poison(string idPrefix) => Prefixes[idPrefix] = 0;

    public static void Cure(string idPrefix) => Prefixes.TryRemove(idPrefix, out _);

    public static bool IsPoisoned(string id) => Prefixes.Keys.Any(prefix => id.StartsWith(prefix, StringComparison.Ordinal));
}
