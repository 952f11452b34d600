namespace Signals.Tokens;

[GenerateSerializer]
[Alias("Signals.Tokens.FiredRecord")]
public sealed record FiredRecord(
    [property: Id(0)] string Destination,
    [property: Id(1)] string Rule,
    [property: Id(2)] int Tier,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string AlertId);
