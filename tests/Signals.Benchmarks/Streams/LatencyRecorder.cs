using System.Diagnostics;

namespace Signals.Benchmarks.Streams;

/// <summary>Delivery latencies of the current run (Stopwatch ticks), kept in a preallocated array.</summary>
public static class LatencyRecorder
{
    private static long[] _ticks = new long[1];
    private static int _count;

    public static int Count => Volatile.Read(ref _count);

    public static void Reset(int capacity)
    {
        _ticks = new long[capacity];
        Volatile.Write(ref _count, 0);
    }

    public static void Record(long ticks)
    {
        var slot = Interlocked.Increment(ref _count) - 1;
        var ticksArray = _ticks;
        if (slot < ticksArray.Length)
        {
            ticksArray[slot] = ticks;
        }
    }

    /// <summary>The given percentiles (0–100) in milliseconds, nearest-rank.</summary>
    public static double[] PercentilesMs(params double[] percentiles)
    {
        var n = Math.Min(Count, _ticks.Length);
        var sorted = _ticks[..n];
        Array.Sort(sorted);
        return percentiles
            .Select(p => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency)
            .ToArray();
    }
}
