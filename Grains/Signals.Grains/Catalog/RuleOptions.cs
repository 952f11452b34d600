namespace Signals.Catalog;

/// <summary>One rule as configuration (<c>Signals:Rules:Default:N</c>); tiers ascend by channel count.</summary>
public sealed class RuleOptions
{
    public string Name { get; set; } = "default";

    public List<RuleTierOptions> Tiers { get; set; } = [];

    public TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(30);

    public Dictionary<string, double>? ChannelWeights { get; set; }

    public List<string>? AllowChannels { get; set; }

    public List<string>? DenyChannels { get; set; }

    public AlertRuleConfig ToConfig() => new(
        Name,
        Tiers.Select(t => new RuleTierConfig(t.MinChannels, t.Window)).ToList(),
        Cooldown,
        ChannelWeights,
        AllowChannels,
        DenyChannels);
}
