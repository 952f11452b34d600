namespace Signals.Tokens;

/// <summary>How far one rule of one destination is from firing for this token.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Tokens.RuleStateView")]
public sealed record RuleStateView(
    [property: Id(0)] string Destination,
    [property: Id(1)] string Rule,
    [property: Id(2)] double Score,
    [property: Id(3)] int TiersFired,
    [property: Id(4)] DateTimeOffset? LastAlertAt,
    [property: Id(5)] string Reason);
