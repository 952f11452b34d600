namespace Signals.Activity;

[GenerateSerializer, Immutable]
[Alias("Signals.Activity.ActivityEntry")]
public sealed record ActivityEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ActivityKind Kind,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Detail,
    [property: Id(4)] string? Silo);
