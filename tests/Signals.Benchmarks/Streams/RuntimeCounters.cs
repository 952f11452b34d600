using System.Runtime;

namespace Signals.Benchmarks.Streams;

/// <summary>
/// What the JIT and the GC did in this process during a run, so a run's figures can be checked for warm-up left in
/// them (methods still being compiled) and for collection pauses.
/// </summary>
public readonly record struct RuntimeCounters(long JitMethods, TimeSpan JitTime, TimeSpan GcPause, long Allocated, int Gen0, int Gen1, int Gen2)
{
    public static RuntimeCounters Now() => new(
        JitInfo.GetCompiledMethodCount(),
        JitInfo.GetCompilationTime(),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2));

    /// <summary>The counters since <paramref name="start"/>, per event where that means something.</summary>
    public string DescribeSince(RuntimeCounters start, int events) =>
        $"JIT during the run: {JitMethods - start.JitMethods} methods, {(JitTime - start.JitTime).TotalMilliseconds:0} ms; "
        + $"GC: {(Allocated - start.Allocated) / (double)events / 1024:0.0} KB allocated per event, "
        + $"{Gen0 - start.Gen0}/{Gen1 - start.Gen1}/{Gen2 - start.Gen2} gen0/1/2 collections, {(GcPause - start.GcPause).TotalMilliseconds:0} ms paused";
}
