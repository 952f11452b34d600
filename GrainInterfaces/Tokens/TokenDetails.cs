namespace Signals.Tokens;

[GenerateSerializer, Immutable]
[Alias("Signals.Tokens.TokenDetails")]
public sealed record TokenDetails(
    [property: Id(0)] string TokenKey,
    [property: Id(1)] string? Ticker,
    [property: Id(2)] IReadOnlyList<TokenMentionView> Mentions,
    [property: Id(3)] IReadOnlyList<RuleStateView> Rules,
    [property: Id(4)] IReadOnlyList<TokenAlertView> Alerts,
    [property: Id(5)] long EventsSeen,
    [property: Id(6)] long DuplicatesIgnored);
