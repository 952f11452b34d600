namespace Signals.Benchmarks.Streams;

[Alias("Signals.Benchmarks.Streams.IBenchConsumerGrain")]
public interface IBenchConsumerGrain : IGrainWithStringKey;
