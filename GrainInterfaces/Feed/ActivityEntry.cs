namespace Signals.Feed;

[GenerateSerializer, Immutable]
[Alias("Signals.Feed.ActivityEntry")]
public sealed record ActivityEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] FeedEntryKind Kind,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Detail,
    [property: Id(4)] string? Silo);
