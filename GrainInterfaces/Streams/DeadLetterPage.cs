namespace Signals.Streams;

/// <summary>
/// A page of a provider's dead letters. <see cref="Durable"/> is false when the provider keeps events in memory
/// (the embedded default): there is then no dead-letter stream at all, rather than an empty one.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Streams.DeadLetterPage")]
public sealed record DeadLetterPage(
    [property: Id(0)] bool Durable,
    [property: Id(1)] long Total,
    [property: Id(2)] IReadOnlyList<DeadLetterEntry> Entries);
