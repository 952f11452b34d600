namespace Signals.Sessions;

/// <summary>A resolved peer with its access hash; resolving is rate-limited by Telegram, so results are kept.</summary>
[GenerateSerializer]
[Alias("Signals.Sessions.PeerCacheEntry")]
public sealed record PeerCacheEntry(
    [property: Id(0)] int Kind,
    [property: Id(1)] long Id,
    [property: Id(2)] long AccessHash,
    [property: Id(3)] string? Username,
    [property: Id(4)] string Title);
