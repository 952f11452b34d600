using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.InProcess;

/// <summary>
/// Turns the HTML a caller sends into what Telegram stores: plain text plus message entities (text links, bold,
/// italic, underline, strike, code, pre), the way a real client converts HTML before sending.
/// </summary>
internal static partial class HtmlText
{
    public static (string Text, IReadOnlyList<TextEntity> Entities) ToEntities(string html)
    {
        var text = new StringBuilder(html.Length);
        var entities = new List<TextEntity>();
        var open = new List<(string Tag, int Offset, string? Url)>();
        var index = 0;
        while (index < html.Length)
        {
            var tagStart = html.IndexOf('<', index);
            if (tagStart < 0)
            {
                text.Append(WebUtility.HtmlDecode(html[index..]));
                break;
            }

            text.Append(WebUtility.HtmlDecode(html[index..tagStart]));
            var tagEnd = html.IndexOf('>', tagStart);
            if (tagEnd < 0 || !IsTagStart(html, tagStart + 1))
            {
                // Not a tag: keep the '<' as text, as a lenient parser would.
                text.Append('<');
                index = tagStart + 1;
                continue;
            }

            var closing = html[tagStart + 1] == '/';
            var name = TagName(html, tagStart + (closing ? 2 : 1), tagEnd);
            if (!closing)
            {
                var href = HrefPattern().Match(html, tagStart, tagEnd - tagStart);
                open.Add((name, text.Length, name == "a" && href.Success ? WebUtility.HtmlDecode(href.Groups["url"].Value) : null));
            }
            else if (open.FindLastIndex(o => o.Tag == name) is var at and >= 0)
            {
                var (_, offset, url) = open[at];
                open.RemoveAt(at);
                if (KindOf(name, url) is { } kind && text.Length > offset)
                {
                    entities.Add(new TextEntity(kind, offset, text.Length - offset, url));
                }
            }

            index = tagEnd + 1;
        }

        return (text.ToString(), entities.OrderBy(e => e.Offset).ToList());
    }

    private static TextEntityKind? KindOf(string tag, string? url) => tag switch
    {
        "a" when url is not null => TextEntityKind.TextUrl,
        "b" or "strong" => TextEntityKind.Bold,
        "i" or "em" => TextEntityKind.Italic,
        "u" or "ins" => TextEntityKind.Underline,
        "s" or "strike" or "del" => TextEntityKind.Strike,
        "code" => TextEntityKind.Code,
        "pre" => TextEntityKind.Pre,
        _ => null,
    };

    private static string TagName(string html, int start, int end)
    {
        var stop = start;
        while (stop < end && char.IsAsciiLetterOrDigit(html[stop]))
        {
            stop++;
        }

        return html[start..stop].ToLowerInvariant();
    }

    private static bool IsTagStart(string html, int index) =>
        index < html.Length && (char.IsAsciiLetter(html[index]) || html[index] == '/');

    [GeneratedRegex("""href\s*=\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)')""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefPattern();
}
