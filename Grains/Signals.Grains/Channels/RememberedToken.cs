namespace Signals.Channels;

[GenerateSerializer]
[Alias("Signals.Channels.RememberedToken")]
public sealed record RememberedToken(
    [property: Id(0)] string TokenKey,
    [property: Id(1)] string Chain,
    [property: Id(2)] string Address,
    [property: Id(3)] string? Ticker);
