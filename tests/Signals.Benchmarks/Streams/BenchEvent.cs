namespace Signals.Benchmarks.Streams;

/// <summary>One benchmark event: ~1 KB of payload and the publisher's <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Benchmarks.Streams.BenchEvent")]
public sealed record BenchEvent([property: Id(0)] long PublishedAt, [property: Id(1)] byte[] Payload);
