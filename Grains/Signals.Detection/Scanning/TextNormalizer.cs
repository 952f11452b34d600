namespace Signals.Detection.Scanning;

/// <summary>
/// Removes characters that render as nothing. Channels (and copy-paste from some wallets) put zero-width
/// characters inside addresses, which breaks naive matching; a reader sees one unbroken address, so do we.
/// Look-alike letters from other scripts are deliberately NOT folded: those are visible, and an address
/// carrying one is not the address it imitates.
/// </summary>
internal static class TextNormalizer
{
    public static bool IsInvisible(char c) => c switch
    {
        '\u00AD' => true, // soft hyphen
        '\u180E' => true, // Mongolian vowel separator (zero width since Unicode 6.3)
        >= '\u200B' and <= '\u200F' => true, // ZWSP, ZWNJ, ZWJ, LRM, RLM
        >= '\u202A' and <= '\u202E' => true, // bidi embeddings and overrides
        >= '\u2060' and <= '\u2064' => true, // word joiner, invisible operators
        >= '\u2066' and <= '\u2069' => true, // bidi isolates
        '\uFEFF' => true, // BOM / zero-width no-break space
        _ => false,
    };

    public static string StripInvisible(string text)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsInvisible(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (!IsInvisible(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
