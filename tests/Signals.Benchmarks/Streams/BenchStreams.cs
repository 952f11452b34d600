namespace Signals.Benchmarks.Streams;

/// <summary>Names of the benchmark's stream provider and namespace.</summary>
public static class BenchStreams
{
    public const string Provider = "bench";
    public const string Namespace = "bench";
}
