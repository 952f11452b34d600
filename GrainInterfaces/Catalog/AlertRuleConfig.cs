namespace Signals.Catalog;

/// <summary>A confluence rule as data; tiers ascend, each higher tier is an escalation alert.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Catalog.AlertRuleConfig")]
public sealed record AlertRuleConfig(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<RuleTierConfig> Tiers,
    [property: Id(2)] TimeSpan Cooldown,
    [property: Id(3)] IReadOnlyDictionary<string, double>? ChannelWeights,
    [property: Id(4)] IReadOnlyList<string>? AllowChannels,
    [property: Id(5)] IReadOnlyList<string>? DenyChannels)
{
    /// <summary>Three distinct channels within ten minutes, then quiet for thirty.</summary>
    public static AlertRuleConfig Default { get; } = new(
        "default",
        [new RuleTierConfig(3, TimeSpan.FromMinutes(10))],
        TimeSpan.FromMinutes(30),
        null,
        null,
        null);
}
