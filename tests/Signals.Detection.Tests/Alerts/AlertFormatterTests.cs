using System.Text.RegularExpressions;

namespace Signals.Detection.Tests.Alerts;

public sealed class AlertFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 10, 0, TimeSpan.Zero);
    private const string Mint = "HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KD";

    private static ConfluenceDecision Decision(params (string Channel, int MinutesAgo)[] calls) =>
        new(true, 1, calls.Length, calls.Select(c => new ChannelCall(c.Channel, Now.AddMinutes(-c.MinutesAgo))).ToList(), "tier 1 met");

    [Fact]
    public void Alert_names_token_chain_ticker_channels_with_first_call_times_delay_and_links()
    {
        var html = AlertFormatter.FormatHtml(new DetectedToken(Chain.Solana, Mint, "ZEREBRO"), AlertRule.Default,
            Decision(("@degen_gems", 7), ("@moon_signals", 2)), Now);

        Assert.Contains("<b>$ZEREBRO</b> on Solana", html);
        Assert.Contains($"<code>{Mint}</code>", html);
        Assert.Contains("<a href=\"https://t.me/degen_gems\">@degen_gems</a> — 12:03:00 UTC", html);
        Assert.Contains("@moon_signals</a> — 12:08:00 UTC", html);
        Assert.Contains("First call → alert: <b>7m</b>", html);
        Assert.Contains("within 10m", html);
        Assert.Contains($"<a href=\"https://dexscreener.com/solana/{Mint}\">DexScreener</a>", html);
        Assert.Contains($"<a href=\"https://solscan.io/token/{Mint}\">Solscan</a>", html);
    }

    [Fact]
    public void Text_from_outside_is_escaped_and_only_telegram_tags_appear()
    {
        var rule = AlertRule.Default with { Name = "<i>evil</i> & co" };
        var html = AlertFormatter.FormatHtml(new DetectedToken(Chain.Base, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "<b>X\"&"), rule,
            Decision(("chat <script>", 1)), Now);

        Assert.Contains("$&lt;b&gt;X&quot;&amp;", html);
        Assert.Contains("&lt;i&gt;evil&lt;/i&gt; &amp; co", html);
        Assert.Contains("chat &lt;script&gt;", html);
        foreach (Match tag in Regex.Matches(html, "</?([a-zA-Z]+)"))
        {
            Assert.Contains(tag.Groups[1].Value, new[] { "b", "i", "code", "a" });
        }

        Assert.Equal(Regex.Count(html, "<b>"), Regex.Count(html, "</b>"));
        Assert.Equal(Regex.Count(html, "<a "), Regex.Count(html, "</a>"));
    }

    [Fact]
    public void Unknown_evm_chain_links_to_a_dexscreener_search_and_no_explorer()
    {
        var html = AlertFormatter.FormatHtml(new DetectedToken(Chain.Evm, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", null), AlertRule.Default,
            Decision(("@a", 1)), Now);
        Assert.Contains("https://dexscreener.com/search?q=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", html);
        Assert.DoesNotContain("scan", html);
        Assert.Contains("New confluence", html);
    }

    [Fact]
    public void Weighted_score_is_shown_when_it_differs_from_the_channel_count()
    {
        var decision = new ConfluenceDecision(true, 1, 3.5, [new ChannelCall("@a", Now), new ChannelCall("@b", Now)], "");
        Assert.Contains("(score 3.5)", AlertFormatter.FormatHtml(new DetectedToken(Chain.Solana, Mint, null), AlertRule.Default, decision, Now));
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(600, "10m")]
    [InlineData(725, "12m 5s")]
    [InlineData(43200, "12h")]
    [InlineData(11520, "3h 12m")]
    [InlineData(187200, "2d 4h")]
    public void Durations_read_like_a_person_writes_them(int seconds, string expected)
    {
        Assert.Equal(expected, AlertFormatter.FormatDuration(TimeSpan.FromSeconds(seconds)));
    }
}
