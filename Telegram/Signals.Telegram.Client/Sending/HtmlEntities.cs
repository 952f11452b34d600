using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Sending;

/// <summary>
/// Telegram's HTML subset (https://core.telegram.org/bots/api#html-style, the same tags clients accept) to text plus
/// message entities: b/strong, i/em, u/ins, s/strike/del, code, pre (with an inner code's language), a href and br.
/// Offsets and lengths count UTF-16 code units of the decoded text, which is what .NET string lengths are
/// (https://core.telegram.org/api/entities#entity-length). Character references (&amp;amp; &amp;lt; &amp;#39; ...) are decoded
/// before counting. Unknown tags are dropped and their text kept; an unclosed tag ends at the end of the text.
/// </summary>
internal static partial class HtmlEntities
{
    public static HtmlMessage Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html.Length);
        var open = new List<OpenTag>();
        var entities = new List<(MessageEntity Entity, int Order)>();
        var order = 0;
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
            var tag = TagPattern().Match(html, tagStart);
            if (!tag.Success || tag.Index != tagStart)
            {
                // A lone '<' is text, as Telegram's own parser would insist it be written &lt; but browsers accept it.
                text.Append('<');
                index = tagStart + 1;
                continue;
            }

            index = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (name == "br")
            {
                text.Append('\n');
            }
            else if (tag.Groups["close"].Success)
            {
                var at = open.FindLastIndex(candidate => candidate.Name == name);
                if (at >= 0)
                {
                    var started = open[at];
                    open.RemoveAt(at);
                    Close(started, text.Length, entities, open);
                }
            }
            else if (!tag.Groups["self"].Success)
            {
                open.Add(new OpenTag(name, text.Length, Attribute(tag.Groups["attrs"].Value, "href"), Attribute(tag.Groups["attrs"].Value, "class"), order++));
            }
        }

        for (var at = open.Count - 1; at >= 0; at--)
        {
            var started = open[at];
            open.RemoveAt(at);
            Close(started, text.Length, entities, open);
        }

        // Telegram wants entities in order of offset; an outer entity before the ones nested in it.
        var sorted = entities
            .OrderBy(pair => Offset(pair.Entity))
            .ThenBy(pair => pair.Order)
            .Select(pair => pair.Entity)
            .ToList();
        return new HtmlMessage(text.ToString(), sorted);
    }

    private static void Close(OpenTag tag, int end, List<(MessageEntity, int)> entities, List<OpenTag> stillOpen)
    {
        var pre = stillOpen.FindLastIndex(outer => outer.Name == "pre");
        if (tag.Name == "code" && pre >= 0 && tag.Class is not null)
        {
            // <pre><code class="language-x"> is how the language of a code block is written.
            stillOpen[pre] = stillOpen[pre] with { Class = tag.Class };
        }

        var length = end - tag.Start;
        if (length <= 0)
        {
            return;
        }

        MessageEntity? entity = tag.Name switch
        {
            "b" or "strong" => new MessageEntityBold { Offset = tag.Start, Length = length },
            "i" or "em" => new MessageEntityItalic { Offset = tag.Start, Length = length },
            "u" or "ins" => new MessageEntityUnderline { Offset = tag.Start, Length = length },
            "s" or "strike" or "del" => new MessageEntityStrike { Offset = tag.Start, Length = length },
            "code" when pre >= 0 => null,
            "code" => new MessageEntityCode { Offset = tag.Start, Length = length },
            "pre" => new MessageEntityPre { Offset = tag.Start, Length = length, Language = tag.Language ?? "" },
            "a" when !string.IsNullOrWhiteSpace(tag.Href) => new MessageEntityTextUrl { Offset = tag.Start, Length = length, Url = tag.Href! },
            _ => null,
        };
        if (entity is not null)
        {
            entities.Add((entity, tag.Order));
        }
    }

    private static int Offset(MessageEntity entity) => entity switch
    {
        MessageEntityBold bold => bold.Offset,
        MessageEntityItalic italic => italic.Offset,
        MessageEntityUnderline underline => underline.Offset,
        MessageEntityStrike strike => strike.Offset,
        MessageEntityCode code => code.Offset,
        MessageEntityPre pre => pre.Offset,
        MessageEntityTextUrl link => link.Offset,
        _ => 0,
    };

    private static string? Attribute(string attributes, string name)
    {
        foreach (Match attribute in AttributePattern().Matches(attributes))
        {
            if (string.Equals(attribute.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex("""\G<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(?<attrs>(?:\s+[A-Za-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(?<self>/)?>""", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("""(?<name>[A-Za-z-]+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s>"']+))""", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();

    /// <summary>An open tag: where its text starts; for a code inside pre, the language comes from class="language-x".</summary>
    private sealed record OpenTag(string Name, int Start, string? Href, string? Class, int Order)
    {
        public string? Language => Class is { } value && value.StartsWith("language-", StringComparison.Ordinal) ? value["language-".Length..] : null;
    }
}
