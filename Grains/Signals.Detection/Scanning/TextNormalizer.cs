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
        var first = FirstInvisible(text);
        if (first < 0)
        {
            return text;
        }

        // Copied into a scratch buffer, then one string of the final length (a StringBuilder cost two more objects).
        var rented = text.Length > 512 ? System.Buffers.ArrayPool<char>.Shared.Rent(text.Length) : null;
        var buffer = rented is null ? stackalloc char[text.Length] : rented.AsSpan(0, text.Length);
        text.AsSpan(0, first).CopyTo(buffer);
        var length = first;
        for (var i = first; i < text.Length; i++)
        {
            if (!IsInvisible(text[i]))
            {
                buffer[length++] = text[i];
            }
        }

        var clean = new string(buffer[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return clean;
    }

    /// <summary>
    /// Vectorised searches. Every invisible character is U+00AD or above, so ASCII text is settled by one test.
    /// Other text is searched from its first character at or above U+00AD: three single characters and one
    /// range (U+200B…U+2069) whose few visible members (dashes, quotes, "…") are confirmed per hit.
    /// </summary>
    private static int FirstInvisible(ReadOnlySpan<char> text)
    {
        // Ascii.IsValid is the fastest whole-text test there is, and most posts (and all base58 floods) are ASCII.
        var high = System.Text.Ascii.IsValid(text) ? -1 : text.IndexOfAnyInRange('\u00AD', '\uFFFF');
        if (high < 0)
        {
            return -1;
        }

        var span = text[high..];
        var first = MinIndex(MinIndex(span.IndexOf('\u00AD'), span.IndexOf('\u180E')), span.IndexOf('\uFEFF'));
        var limit = first < 0 ? span.Length : first;
        var i = 0;
        while (i < limit)
        {
            var rel = span[i..limit].IndexOfAnyInRange('\u200B', '\u2069');
            if (rel < 0)
            {
                break;
            }

            if (IsInvisible(span[i + rel]))
            {
                return high + i + rel;
            }

            i += rel + 1;
        }

        return first < 0 ? -1 : high + first;
    }

    /// <summary>True when some character of the text outside <paramref name="runs"/> renders as nothing.</summary>
    /// <param name="runs">Sorted, disjoint ranges of <c>[0-9A-Za-z+/_-]</c> only, which cannot hold one: a base58
    /// flood is then not read once more.</param>
    public static bool ContainsInvisible(string text, List<TextRange> runs)
    {
        var from = 0;
        foreach (var run in runs)
        {
            if (FirstInvisible(text.AsSpan(from, run.Start - from)) >= 0)
            {
                return true;
            }

            from = run.End;
        }

        return FirstInvisible(text.AsSpan(from)) >= 0;
    }

    private static int MinIndex(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);
}
