namespace Signals.Detection;

/// <summary>
/// A confluence rule. Tiers are ranked by <see cref="RuleTier.MinChannels"/> ascending (tier 1 is the lowest);
/// reaching a higher tier alerts again at once (escalation), while the <see cref="Cooldown"/> holds back repeats
/// of the same or a lower tier. Channel names match without regard to case (Telegram usernames don't have one).
/// </summary>
public sealed record AlertRule(
    string Name,
    IReadOnlyList<RuleTier> Tiers,
    TimeSpan Cooldown,
    IReadOnlyDictionary<string, double>? ChannelWeights = null,
    IReadOnlyCollection<string>? AllowChannels = null,
    IReadOnlyCollection<string>? DenyChannels = null)
{
    /// <summary>"default": 3 distinct channels within 10 minutes, 30 minutes cooldown.</summary>
    public static AlertRule Default { get; } = new("default", [new RuleTier(3, TimeSpan.FromMinutes(10))], TimeSpan.FromMinutes(30));

    /// <summary>The tiers in rank order: ascending by MinChannels, then by window (a shorter window ranks lower when equal).</summary>
    public IReadOnlyList<RuleTier> RankedTiers() =>
        (Tiers ?? []).Where(t => t is not null).OrderBy(t => t.MinChannels).ThenBy(t => t.Window).ToList();
}
