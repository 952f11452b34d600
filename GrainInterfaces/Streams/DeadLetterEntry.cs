namespace Signals.Streams;

/// <summary>One dead letter: where it came from, how often it was tried, why it was set aside.</summary>
/// <param name="Id">Dead-letter id, the argument of <see cref="IDeadLetterGrain.ReplayAsync"/>.</param>
/// <param name="Reason"><c>max-deliveries</c>, <c>no-payload</c> or <c>undecodable: …</c>.</param>
[GenerateSerializer, Immutable]
[Alias("Signals.Streams.DeadLetterEntry")]
public sealed record DeadLetterEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string StreamNamespace,
    [property: Id(2)] string StreamKey,
    [property: Id(3)] string SourceQueue,
    [property: Id(4)] string OriginalEntryId,
    [property: Id(5)] long Deliveries,
    [property: Id(6)] string Reason,
    [property: Id(7)] DateTimeOffset DeadLetteredAt);
