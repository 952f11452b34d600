using System.Globalization;
using Signals.Catalog;

namespace Signals.Client.Infrastructure;

/// <summary>The rule syntax of <c>signals rules set</c>: tiers <c>3/10m,5/12h</c> and weights <c>channel=1.5</c>.</summary>
public static class RuleText
{
    /// <summary>Parses tiers; they must ascend in channels, as each higher tier is an escalation of the one before.</summary>
    public static bool TryParseTiers(string text, out IReadOnlyList<RuleTierConfig> tiers, out string error)
    {
        var list = new List<RuleTierConfig>();
        tiers = list;
        error = string.Empty;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0
                || !int.TryParse(part.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                || min <= 0
                || !DurationText.TryParse(part[(slash + 1)..], out var window))
            {
                error = $"'{part}' is not a tier; expected CHANNELS/WINDOW such as 3/10m.";
                return false;
            }

            if (list.Count > 0 && min <= list[^1].MinChannels)
            {
                error = $"Tier '{part}' must ask for more channels than the tier before it.";
                return false;
            }

            list.Add(new RuleTierConfig(min, window));
        }

        return true;
    }

    public static string FormatTiers(IEnumerable<RuleTierConfig> tiers) =>
        string.Join(',', tiers.Select(t => $"{t.MinChannels}/{DurationText.Format(t.Window)}"));

    public static bool TryParseWeight(string text, out string channel, out double weight)
    {
        channel = string.Empty;
        weight = 0;
        var eq = text.LastIndexOf('=');
        if (eq <= 0
            || !double.TryParse(text.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out weight)
            || !double.IsFinite(weight)
            || weight < 0)
        {
            return false;
        }

        channel = ChannelName.Normalize(text[..eq]);
        return channel.Length > 0;
    }
}
