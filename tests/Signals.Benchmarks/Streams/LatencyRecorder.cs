using System.Diagnostics;

namespace Signals.Benchmarks.Streams;

/// <summary>Latencies of the current run (Stopwatch ticks), kept in a preallocated array.</summary>
public sealed class LatencyRecorder
{
    private long[] _ticks = new long[1];
    private int _count;

    /// <summary>Publish → subscriber's <c>OnNextAsync</c>.</summary>
    public static LatencyRecorder Delivery { get; } = new();

    /// <summary>The publisher's await of <c>OnNextAsync</c>: until Redis has the entry (XADD answered).</summary>
    public static LatencyRecorder Publish { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public void Reset(int capacity)
    {
        _ticks = new long[capacity];
        Volatile.Write(ref _count, 0);
    }

    public void Record(long ticks)
    {
        var slot = Interlocked.Increment(ref _count) - 1;
        var ticksArray = _ticks;
        if (slot < ticksArray.Length)
        {
            ticksArray[slot] = ticks;
        }
    }

    /// <summary>The given percentiles (0–100) in milliseconds, nearest-rank.</summary>
    public double[] PercentilesMs(params double[] percentiles)
    {
        var n = Math.Min(Count, _ticks.Length);
        var sorted = _ticks[..n];
        Array.Sort(sorted);
        return percentiles
            .Select(p => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency)
            .ToArray();
    }
}
