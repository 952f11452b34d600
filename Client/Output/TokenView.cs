using Signals.Tokens;

namespace Signals.Client.Output;

public sealed record TokenView(
    string TokenKey,
    string? Ticker,
    IReadOnlyList<MentionsByChannelView> Channels,
    IReadOnlyList<TokenMentionView> Mentions,
    IReadOnlyList<RuleStateView> Rules,
    IReadOnlyList<TokenAlertView> Alerts,
    long EventsSeen,
    long DuplicatesIgnored)
{
    public static TokenView From(TokenDetails d) => new(
        d.TokenKey,
        d.Ticker,
        d.Mentions
            .GroupBy(m => m.Channel, StringComparer.Ordinal)
            .Select(g => new MentionsByChannelView(g.Key, g.Count(), g.Count(m => m.DeletedAt is not null), g.Min(m => m.At), g.Max(m => m.At)))
            .OrderBy(c => c.FirstAt)
            .ToList(),
        d.Mentions,
        d.Rules,
        d.Alerts,
        d.EventsSeen,
        d.DuplicatesIgnored);
}
