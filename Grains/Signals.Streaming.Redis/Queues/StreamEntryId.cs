using System.Globalization;

namespace Signals.Streaming.Redis;

/// <summary>A Redis stream entry id, "milliseconds-sequence"; the milliseconds are when Redis added the entry.</summary>
internal readonly record struct StreamEntryId(ulong Milliseconds, ulong Sequence)
{
    public static StreamEntryId Parse(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new StreamEntryId(ulong.Parse(id, CultureInfo.InvariantCulture), 0)
            : new StreamEntryId(ulong.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture), ulong.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    public override string ToString() =>
        Milliseconds.ToString(CultureInfo.InvariantCulture) + "-" + Sequence.ToString(CultureInfo.InvariantCulture);
}
