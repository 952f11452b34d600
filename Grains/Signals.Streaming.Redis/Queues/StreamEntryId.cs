using System.Globalization;

namespace Signals.Streaming.Redis;

/// <summary>A Redis stream entry id, "milliseconds-sequence", ordered the way Redis orders them.</summary>
internal readonly record struct StreamEntryId(ulong Milliseconds, ulong Sequence) : IComparable<StreamEntryId>
{
    public static StreamEntryId Parse(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new StreamEntryId(ulong.Parse(id, CultureInfo.InvariantCulture), 0)
            : new StreamEntryId(ulong.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture), ulong.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    /// <summary>The smallest id greater than this one.</summary>
    public StreamEntryId Successor() => Sequence == ulong.MaxValue ? new StreamEntryId(Milliseconds + 1, 0) : this with { Sequence = Sequence + 1 };

    public static StreamEntryId Min(StreamEntryId a, StreamEntryId b) => a.CompareTo(b) <= 0 ? a : b;

    public int CompareTo(StreamEntryId other)
    {
        var byTime = Milliseconds.CompareTo(other.Milliseconds);
        return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
    }

    public override string ToString() =>
        Milliseconds.ToString(CultureInfo.InvariantCulture) + "-" + Sequence.ToString(CultureInfo.InvariantCulture);
}
