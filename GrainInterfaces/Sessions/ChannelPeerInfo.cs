namespace Signals.Sessions;

[GenerateSerializer, Immutable]
[Alias("Signals.Sessions.ChannelPeerInfo")]
public sealed record ChannelPeerInfo(
    [property: Id(0)] string Channel,
    [property: Id(1)] long ChannelId,
    [property: Id(2)] string Title);
