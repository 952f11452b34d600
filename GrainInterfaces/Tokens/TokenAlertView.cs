namespace Signals.Tokens;

[GenerateSerializer, Immutable]
[Alias("Signals.Tokens.TokenAlertView")]
public sealed record TokenAlertView(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string Destination,
    [property: Id(2)] string Rule,
    [property: Id(3)] int Tier,
    [property: Id(4)] DateTimeOffset RaisedAt);
