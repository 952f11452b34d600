namespace Signals.Channels;

[GenerateSerializer, Immutable]
[Alias("Signals.Channels.ReaderStatus")]
public sealed record ReaderStatus(
    [property: Id(0)] string Channel,
    [property: Id(1)] string? Session,
    [property: Id(2)] int? Cursor,
    [property: Id(3)] long PostsProcessed,
    [property: Id(4)] long SignalsPublished,
    [property: Id(5)] DateTimeOffset? LastPostAt,
    [property: Id(6)] string? LastError,
    [property: Id(7)] string? Silo);
