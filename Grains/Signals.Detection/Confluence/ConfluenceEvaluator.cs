namespace Signals.Detection;

/// <summary>
/// Decides whether a token's mentions warrant an alert under a rule. Pure: the clock is a parameter, the history of
/// alerts is a parameter, nothing is stored. Distinct channels count, not posts.
/// </summary>
public static class ConfluenceEvaluator
{
    public static ConfluenceDecision Evaluate(AlertRule rule, IReadOnlyList<Mention> mentions, IReadOnlyList<FiredAlert> history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var tiers = rule.RankedTiers();
        if (tiers.Count == 0)
        {
            return new ConfluenceDecision(false, 0, 0, [], $"rule {rule.Name} has no tiers");
        }

        var channels = LiveChannels(rule, mentions ?? [], now);
        var weights = new ChannelWeights(rule.ChannelWeights);

        var met = 0;
        var windows = new TierWindow[tiers.Count];
        for (var k = 0; k < tiers.Count; k++)
        {
            windows[k] = TierWindow.Measure(tiers[k], channels, weights, now);
            if (windows[k].IsMet)
            {
                met = k + 1;
            }
        }

        if (met == 0)
        {
            var nearest = windows.MaxBy(w => w.Score / Math.Max(1, w.Tier.MinChannels))!;
            return new ConfluenceDecision(false, 0, nearest.Score, nearest.Calls,
                $"below threshold: {Describe(nearest)}");
        }

        var reached = windows[met - 1];
        var ruleAlerts = (history ?? []).Where(a => a is not null && a.Rule == rule.Name && a.At <= now).ToList();
        var recent = ruleAlerts.Where(a => a.At > now - rule.Cooldown).ToList();
        var highestRecent = recent.Count == 0 ? 0 : recent.Max(a => a.Tier);

        if (met > highestRecent && highestRecent > 0)
        {
            return Fire(met, reached, $"escalation to tier {met} after tier {highestRecent}: {Describe(reached)}");
        }

        if (met <= highestRecent)
        {
            var blocking = recent.Where(a => a.Tier >= met).Max(a => a.At);
            return new ConfluenceDecision(false, met, reached.Score, reached.Calls,
                $"cooldown: tier {met} met ({Describe(reached)}) but tier {highestRecent} alerted at {blocking:u}; again from {blocking + rule.Cooldown:u}");
        }

        // Past the cooldown: alert again only if something new was said since the last alert, so that a timer
        // re-evaluating the same old mentions does not repeat itself every cooldown period.
        if (ruleAlerts.Count > 0)
        {
            var last = ruleAlerts.Max(a => a.At);
            if (!reached.Counted.Any(c => c.Latest > last))
            {
                return new ConfluenceDecision(false, met, reached.Score, reached.Calls,
                    $"tier {met} met ({Describe(reached)}) but no new mention since the last alert at {last:u}");
            }

            return Fire(met, reached, $"tier {met} met again after the cooldown: {Describe(reached)}");
        }

        return Fire(met, reached, $"tier {met} met: {Describe(reached)}");
    }

    private static ConfluenceDecision Fire(int tier, TierWindow window, string reason) =>
        new(true, tier, window.Score, window.Calls, reason);

    private static string Describe(TierWindow w) =>
        $"score {w.Score:0.##} of {w.Tier.MinChannels} from {w.Counted.Count} channel(s) within {AlertFormatter.FormatDuration(w.Tier.Window)}";

    /// <summary>Per channel, the first and the latest mention that still count now.</summary>
    private static List<ChannelActivity> LiveChannels(AlertRule rule, IReadOnlyList<Mention> mentions, DateTimeOffset now)
    {
        var allow = rule.AllowChannels is { Count: > 0 } a ? new HashSet<string>(a, StringComparer.OrdinalIgnoreCase) : null;
        var deny = rule.DenyChannels is { Count: > 0 } d ? new HashSet<string>(d, StringComparer.OrdinalIgnoreCase) : null;
        var byChannel = new Dictionary<string, ChannelActivity>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in mentions)
        {
            if (m is null || string.IsNullOrEmpty(m.Channel) || m.At > now || m.DeletedAt <= now)
            {
                continue; // not yet said, or deleted
            }

            if ((allow is not null && !allow.Contains(m.Channel)) || (deny is not null && deny.Contains(m.Channel)))
            {
                continue;
            }

            byChannel[m.Channel] = byChannel.TryGetValue(m.Channel, out var seen)
                ? seen with { First = Min(seen.First, m.At), Latest = Max(seen.Latest, m.At) }
                : new ChannelActivity(m.Channel, m.At, m.At);
        }

        return [.. byChannel.Values];
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private sealed record ChannelActivity(string Channel, DateTimeOffset First, DateTimeOffset Latest);

    private sealed class ChannelWeights(IReadOnlyDictionary<string, double>? configured)
    {
        private readonly Dictionary<string, double> _weights = configured is null
            ? new(StringComparer.OrdinalIgnoreCase)
            : new(configured, StringComparer.OrdinalIgnoreCase);

        /// <summary>Unlisted channels weigh 1; a negative or non-finite weight counts as 0.</summary>
        public double Of(string channel) =>
            _weights.TryGetValue(channel, out var w) ? (double.IsFinite(w) && w > 0 ? w : 0) : 1;
    }

    private sealed record TierWindow(RuleTier Tier, double Score, IReadOnlyList<ChannelActivity> Counted, IReadOnlyList<ChannelCall> Calls)
    {
        // Weights such as 0.1 + 0.2 must still reach 0.3.
        private const double Tolerance = 1e-9;

        public bool IsMet => Counted.Count > 0 && Score + Tolerance >= Tier.MinChannels;

        public static TierWindow Measure(RuleTier tier, List<ChannelActivity> channels, ChannelWeights weights, DateTimeOffset now)
        {
            var from = now - tier.Window;
            var counted = channels.Where(c => c.Latest >= from && weights.Of(c.Channel) > 0).ToList();
            var score = counted.Sum(c => weights.Of(c.Channel));
            var calls = counted
                .OrderBy(c => c.First)
                .ThenBy(c => c.Channel, StringComparer.OrdinalIgnoreCase)
                .Select(c => new ChannelCall(c.Channel, c.First))
                .ToList();
            return new TierWindow(tier, score, counted, calls);
        }
    }
}
