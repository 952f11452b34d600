using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Signals.Telegram.Emulator.InProcess;

/// <summary>
/// Turns the HTML a caller sends into what Telegram stores: plain text plus the URLs of text links. A real
/// client converts HTML into message entities before sending; formatting other than links is not kept here.
/// </summary>
internal static partial class HtmlText
{
    public static (string Text, IReadOnlyList<string> Links) ToPlain(string html)
    {
        var text = new StringBuilder(html.Length);
        var links = new List<string>();
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

            var href = HrefPattern().Match(html, tagStart, tagEnd - tagStart);
            if (href.Success && (html[tagStart + 1] is 'a' or 'A'))
            {
                links.Add(WebUtility.HtmlDecode(href.Groups["url"].Value));
            }

            index = tagEnd + 1;
        }

        return (text.ToString(), links);
    }

    private static bool IsTagStart(string html, int index) =>
        index < html.Length && (char.IsAsciiLetter(html[index]) || html[index] == '/');

    [GeneratedRegex("""href\s*=\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)')""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefPattern();
}
