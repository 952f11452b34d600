namespace Signals.Detection.Tests.Confluence;

/// <summary>The clock is the <c>now</c> argument: each test moves it by hand.</summary>
public sealed class ConfluenceEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static readonly AlertRule TwoTiers = new(
        "fast+slow",
        [new RuleTier(3, TimeSpan.FromMinutes(10)), new RuleTier(5, TimeSpan.FromHours(12))],
        TimeSpan.FromMinutes(30));

    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    private static Mention M(string channel, double minutes, double? deletedAtMinutes = null, long id = 1) =>
        new(channel, id, At(minutes), deletedAtMinutes is { } d ? At(d) : null);

    private static ConfluenceDecision Eval(AlertRule rule, IReadOnlyList<Mention> mentions, double nowMinutes, params FiredAlert[] history) =>
        ConfluenceEvaluator.Evaluate(rule, mentions, history, At(nowMinutes));

    [Fact]
    public void Three_distinct_channels_within_ten_minutes_fire_the_default_rule()
    {
        var decision = Eval(AlertRule.Default, [M("@a", 0), M("@b", 4), M("@c", 9)], 9);
        Assert.True(decision.Fire);
        Assert.Equal(1, decision.Tier);
        Assert.Equal(3, decision.Score);
        Assert.Equal(["@a", "@b", "@c"], decision.Channels.Select(c => c.Channel));
    }

    [Fact]
    public void Posts_from_one_channel_count_once()
    {
        var decision = Eval(AlertRule.Default, [M("@a", 0, id: 1), M("@a", 1, id: 2), M("@A", 2, id: 3), M("@b", 3)], 3);
        Assert.False(decision.Fire);
        Assert.Equal(2, decision.Score);
    }

    [Fact]
    public void Channels_spread_wider_than_the_window_do_not_fire()
    {
        Assert.False(Eval(AlertRule.Default, [M("@a", 0), M("@b", 5), M("@c", 10.5)], 10.5).Fire);
        Assert.True(Eval(AlertRule.Default, [M("@a", 0), M("@b", 5), M("@c", 10)], 10).Fire); // the window includes its edge
    }

    [Fact]
    public void A_later_mention_of_the_same_channel_keeps_it_in_the_window_while_its_first_call_time_is_kept()
    {
        var decision = Eval(AlertRule.Default, [M("@a", 0, id: 1), M("@a", 14, id: 2), M("@b", 15), M("@c", 16)], 16);
        Assert.True(decision.Fire);
        Assert.Equal(At(0), decision.Channels.Single(c => c.Channel == "@a").FirstCallAt);
    }

    [Fact]
    public void Mentions_after_now_do_not_count_yet()
    {
        Assert.False(Eval(AlertRule.Default, [M("@a", 0), M("@b", 1), M("@c", 5)], 4).Fire);
    }

    [Fact]
    public void A_deleted_mention_stops_counting_from_its_deletion()
    {
        var mentions = new[] { M("@a", 0), M("@b", 1), M("@c", 2, deletedAtMinutes: 3) };
        Assert.True(Eval(AlertRule.Default, mentions, 2.5).Fire);
        Assert.False(Eval(AlertRule.Default, mentions, 3).Fire);
    }

    [Fact]
    public void A_token_added_by_an_edit_counts_from_the_edit_time()
    {
        // @c posted at minute 0 without the token and edited it in at minute 15: the caller passes the edit time.
        var asEdited = new[] { M("@a", 14), M("@b", 15), M("@c", 15) };
        var asIfOriginal = new[] { M("@a", 14), M("@b", 15), M("@c", 0) };
        Assert.True(Eval(AlertRule.Default, asEdited, 16).Fire);
        Assert.False(Eval(AlertRule.Default, asIfOriginal, 16).Fire);
    }

    [Fact]
    public void Cooldown_holds_back_a_repeat_of_the_same_tier_and_lets_it_through_after()
    {
        var mentions = new List<Mention> { M("@a", 0), M("@b", 1), M("@c", 2) };
        var first = Eval(AlertRule.Default, mentions, 2);
        Assert.True(first.Fire);
        var alert = new FiredAlert("default", first.Tier, At(2));

        mentions.Add(M("@d", 10));
        var duringCooldown = Eval(AlertRule.Default, mentions, 10, alert);
        Assert.False(duringCooldown.Fire);
        Assert.Contains("cooldown", duringCooldown.Reason);

        mentions.AddRange([M("@e", 31), M("@f", 32), M("@g", 33)]);
        Assert.True(Eval(AlertRule.Default, mentions, 33, alert).Fire);
    }

    [Fact]
    public void After_the_cooldown_the_same_old_mentions_do_not_alert_again()
    {
        var rule = AlertRule.Default with { Tiers = [new RuleTier(3, TimeSpan.FromHours(2))] };
        var mentions = new[] { M("@a", 0), M("@b", 1), M("@c", 2) };
        var alert = new FiredAlert("default", 1, At(2));
        Assert.False(Eval(rule, mentions, 60, alert).Fire);
        Assert.True(Eval(rule, [.. mentions, M("@d", 59)], 60, alert).Fire);
    }

    [Fact]
    public void Reaching_the_next_tier_escalates_at_once_even_within_the_cooldown()
    {
        var mentions = new List<Mention> { M("@a", 0), M("@b", 1), M("@c", 2) };
        var first = Eval(TwoTiers, mentions, 2);
        Assert.True(first.Fire);
        Assert.Equal(1, first.Tier);
        var history = new List<FiredAlert> { new("fast+slow", 1, At(2)) };

        mentions.Add(M("@d", 5));
        Assert.False(Eval(TwoTiers, mentions, 5, [.. history]).Fire);

        mentions.Add(M("@e", 8));
        var escalation = Eval(TwoTiers, mentions, 8, [.. history]);
        Assert.True(escalation.Fire);
        Assert.Equal(2, escalation.Tier);
        Assert.Contains("escalation", escalation.Reason);
        history.Add(new("fast+slow", 2, At(8)));

        mentions.Add(M("@f", 20));
        Assert.False(Eval(TwoTiers, mentions, 20, [.. history]).Fire); // tier 2 again: cooldown
    }

    [Fact]
    public void The_slow_tier_fires_on_its_own_when_channels_arrive_over_hours()
    {
        var mentions = new[] { M("@a", 0), M("@b", 60), M("@c", 120), M("@d", 240), M("@e", 600) };
        var decision = Eval(TwoTiers, mentions, 600);
        Assert.True(decision.Fire);
        Assert.Equal(2, decision.Tier);
        Assert.Equal(5, decision.Channels.Count);
    }

    [Fact]
    public void Tiers_are_ranked_by_minimum_channels_whatever_order_they_are_given_in()
    {
        var reversed = TwoTiers with { Tiers = [.. TwoTiers.Tiers.Reverse()] };
        var decision = Eval(reversed, [M("@a", 0), M("@b", 1), M("@c", 2)], 2);
        Assert.True(decision.Fire);
        Assert.Equal(1, decision.Tier);
    }

    [Fact]
    public void Channel_weights_are_summed_and_compared_to_the_minimum()
    {
        var rule = AlertRule.Default with { ChannelWeights = new Dictionary<string, double> { ["@whale"] = 2, ["@spam"] = 0 } };
        var two = Eval(rule, [M("@WHALE", 0), M("@b", 1)], 1);
        Assert.True(two.Fire);
        Assert.Equal(3, two.Score);

        var withSpam = Eval(rule, [M("@spam", 0), M("@b", 1), M("@c", 2)], 2);
        Assert.False(withSpam.Fire);
        Assert.Equal(2, withSpam.Score);
        Assert.DoesNotContain(withSpam.Channels, c => c.Channel == "@spam");
    }

    [Fact]
    public void Fractional_weights_reach_the_threshold_exactly()
    {
        var rule = AlertRule.Default with
        {
            Tiers = [new RuleTier(1, TimeSpan.FromMinutes(10))],
            ChannelWeights = new Dictionary<string, double> { ["@a"] = 0.1, ["@b"] = 0.2, ["@c"] = 0.7 },
        };
        Assert.True(Eval(rule, [M("@a", 0), M("@b", 1), M("@c", 2)], 2).Fire);
    }

    [Fact]
    public void Denied_channels_do_not_count_and_an_allow_list_restricts_to_its_channels()
    {
        var mentions = new[] { M("@a", 0), M("@b", 1), M("@c", 2) };
        Assert.False(Eval(AlertRule.Default with { DenyChannels = ["@B"] }, mentions, 2).Fire);
        Assert.False(Eval(AlertRule.Default with { AllowChannels = ["@a", "@b", "@x"] }, mentions, 2).Fire);
        Assert.True(Eval(AlertRule.Default with { AllowChannels = ["@a", "@b", "@c"] }, mentions, 2).Fire);
    }

    [Fact]
    public void Alerts_of_another_rule_do_not_hold_this_one_back()
    {
        var decision = Eval(AlertRule.Default, [M("@a", 0), M("@b", 1), M("@c", 2)], 2, new FiredAlert("other", 1, At(1)));
        Assert.True(decision.Fire);
    }

    [Fact]
    public void A_rule_without_tiers_never_fires()
    {
        Assert.False(Eval(AlertRule.Default with { Tiers = [] }, [M("@a", 0), M("@b", 1), M("@c", 2)], 2).Fire);
    }

    [Fact]
    public void Below_threshold_explains_how_far_it_is()
    {
        var decision = Eval(AlertRule.Default, [M("@a", 0), M("@b", 1)], 2);
        Assert.False(decision.Fire);
        Assert.Equal(0, decision.Tier);
        Assert.Contains("score 2 of 3", decision.Reason);
    }
}
