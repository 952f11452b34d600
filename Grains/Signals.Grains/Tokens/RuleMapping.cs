using Signals.Catalog;
using Signals.Detection;

namespace Signals.Tokens;

/// <summary>Rules travel as Orleans contracts; the evaluator is pure domain code with its own types.</summary>
internal static class RuleMapping
{
    public static AlertRule ToDomain(this AlertRuleConfig config) => new(
        config.Name,
        config.Tiers.Select(t => new RuleTier(t.MinChannels, t.Window)).ToList(),
        config.Cooldown,
        config.ChannelWeights,
        config.AllowChannels,
        config.DenyChannels);
}
