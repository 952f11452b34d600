using System.Globalization;
using System.Text;

namespace Signals.Detection;

/// <summary>
/// Renders an alert as Telegram HTML (parse_mode HTML: &lt;b&gt;, &lt;i&gt;, &lt;code&gt;, &lt;a href&gt;). Every
/// piece of text that came from outside (ticker, channel names, rule name) is escaped. It is built only from the
/// token, the rule's name and the decision, so no configuration secret can reach it.
/// </summary>
public static class AlertFormatter
{
    public static string FormatHtml(DetectedToken token, AlertRule rule, ConfluenceDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(decision);

        var tiers = rule.RankedTiers();
        var tier = decision.Tier >= 1 && decision.Tier <= tiers.Count ? tiers[decision.Tier - 1] : null;
        var html = new StringBuilder();

        html.Append("🚨 <b>");
        html.Append(token.Ticker is { Length: > 0 } ticker ? "$" + Escape(ticker) : "New confluence");
        html.Append("</b> on ").Append(Escape(ExplorerLinks.DisplayName(token.Chain))).Append('\n');
        html.Append("<code>").Append(Escape(token.Address)).Append("</code>\n\n");

        html.Append("<b>").Append(decision.Channels.Count).Append("</b> channel").Append(decision.Channels.Count == 1 ? "" : "s");
        if (tier is not null)
        {
            html.Append(" within ").Append(FormatDuration(tier.Window));
        }

        if (Math.Abs(decision.Score - decision.Channels.Count) > 1e-9)
        {
            html.Append(" (score ").Append(decision.Score.ToString("0.##", CultureInfo.InvariantCulture)).Append(')');
        }

        html.Append(" · rule <i>").Append(Escape(rule.Name)).Append("</i>");
        if (tiers.Count > 1 && decision.Tier > 0)
        {
            html.Append(", tier ").Append(decision.Tier).Append(" of ").Append(tiers.Count);
        }

        html.Append('\n');
        foreach (var call in decision.Channels)
        {
            html.Append("• ").Append(ChannelHtml(call.Channel)).Append(" — ").Append(FormatTime(call.FirstCallAt, now)).Append('\n');
        }

        if (decision.Channels.Count > 0)
        {
            var first = decision.Channels.Min(c => c.FirstCallAt);
            html.Append("First call → alert: <b>").Append(FormatDuration(now - first)).Append("</b>\n");
        }

        html.Append('\n');
        html.Append("<a href=\"").Append(Escape(ExplorerLinks.DexScreener(token))).Append("\">DexScreener</a>");
        if (ExplorerLinks.Explorer(token) is { } explorer)
        {
            html.Append(" · <a href=\"").Append(Escape(explorer)).Append("\">")
                .Append(Escape(ExplorerLinks.ExplorerName(token.Chain))).Append("</a>");
        }

        return html.ToString();
    }

    /// <summary>The four characters Telegram's HTML parser needs escaped.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>"45s", "12m 5s", "3h 12m", "2d 4h".</summary>
    public static string FormatDuration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        if (span.TotalMinutes < 1)
        {
            return $"{(int)span.TotalSeconds}s";
        }

        if (span.TotalHours < 1)
        {
            return span.Seconds == 0 ? $"{span.Minutes}m" : $"{span.Minutes}m {span.Seconds}s";
        }

        if (span.TotalDays < 1)
        {
            return span.Minutes == 0 ? $"{span.Hours}h" : $"{span.Hours}h {span.Minutes}m";
        }

        return span.Hours == 0 ? $"{(int)span.TotalDays}d" : $"{(int)span.TotalDays}d {span.Hours}h";
    }

    private static string FormatTime(DateTimeOffset at, DateTimeOffset now)
    {
        var utc = at.ToUniversalTime();
        var format = utc.Date == now.ToUniversalTime().Date ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss";
        return utc.ToString(format, CultureInfo.InvariantCulture) + " UTC";
    }

    /// <summary>A public "@username" becomes a link to the channel; anything else is shown as escaped text.</summary>
    private static string ChannelHtml(string channel)
    {
        var name = channel.StartsWith('@') ? channel[1..] : null;
        if (name is { Length: >= 4 and <= 32 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return $"<a href=\"https://t.me/{name}\">@{name}</a>";
        }

        return Escape(channel);
    }
}
