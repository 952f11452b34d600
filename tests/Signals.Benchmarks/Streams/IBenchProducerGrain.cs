namespace Signals.Benchmarks.Streams;

[Alias("Signals.Benchmarks.Streams.IBenchProducerGrain")]
public interface IBenchProducerGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Publishes <paramref name="count"/> events round-robin over <paramref name="streamKeys"/> with
    /// <paramref name="lanes"/> publishes in flight; paced to <paramref name="ratePerSecond"/> when it is positive.
    /// </summary>
    [Alias("Run")]
    Task RunAsync(string[] streamKeys, int count, int lanes, double ratePerSecond);
}
