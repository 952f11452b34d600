namespace Signals.Catalog;

[GenerateSerializer, Immutable]
[Alias("Signals.Catalog.ChannelEntry")]
public sealed record ChannelEntry(
    [property: Id(0)] string Channel,
    [property: Id(1)] string Session,
    [property: Id(2)] long ChannelId,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset AddedAt);
