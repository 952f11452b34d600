using Signals.Catalog;
using Signals.Client.Infrastructure;

namespace Signals.Client.Output;

public sealed record RuleView(
    string Name,
    IReadOnlyList<RuleTierView> Tiers,
    string Cooldown,
    IReadOnlyDictionary<string, double>? ChannelWeights,
    IReadOnlyList<string>? AllowChannels,
    IReadOnlyList<string>? DenyChannels)
{
    public static RuleView From(AlertRuleConfig rule) => new(
        rule.Name,
        rule.Tiers.Select(t => new RuleTierView(t.MinChannels, DurationText.Format(t.Window))).ToList(),
        DurationText.Format(rule.Cooldown),
        rule.ChannelWeights,
        rule.AllowChannels,
        rule.DenyChannels);
}
