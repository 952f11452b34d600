using Signals.Detection.Codecs;

namespace Signals.Detection.Scanning;

/// <summary>
/// Finds bare addresses in one segment with single forward passes (no regex, no backtracking): every character
/// is visited a bounded number of times, so a megabyte of base58 noise costs what a megabyte of prose costs.
/// </summary>
internal static class AddressScanner
{
    /// <summary>Word runs: Solana base58 and EVM 0x-hex.</summary>
    public static void ScanWords(string text, int segment, List<Occurrence> found)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var rel = span[i..].IndexOfAny(CharClass.AsciiAlnum);
            if (rel < 0)
            {
                return;
            }

            var start = i + rel;
            var end = RunEnd(span, start, CharClass.AsciiAlnum);

            // A look-alike letter glued on either side (Cyrillic 'о', fullwidth digits…) spoils the whole run.
            var spoiled = !CharClass.IsBoundaryBefore(text, start);
            while (end < span.Length && span[end] >= 0x80 && CharClass.IsLookalikeWordChar(text, end, out var width))
            {
                spoiled = true;
                end = RunEnd(span, end + width, CharClass.AsciiAlnum);
            }

            i = end;
            var length = end - start;
            if (spoiled || length < AddressValidator.SolanaMinLength || length > AddressValidator.SolanaMaxLength) // 0x+40 hex (42) lies inside
            {
                continue;
            }

            var run = span[start..end];
            if (length == 42 && run[0] == '0' && run[1] == 'x')
            {
                if (Eip55.TryNormalize(run, out var evm))
                {
                    found.Add(new Occurrence(segment, start, end, Chain.Evm, evm, ChainFromLink: false));
                }
            }
            else if (AddressValidator.IsSolanaAddress(run, out var solana))
            {
                found.Add(new Occurrence(segment, start, end, Chain.Solana, solana, ChainFromLink: false));
            }
        }
    }

    // Every friendly address starts with the same two characters for its flag and workchain bytes:
    // flag 0x11/0x51/0x91/0xD1 gives E/U/k/0, workchain 0x00/0xFF then gives Q/f. Searching for these pairs
    // (vectorised) replaces a full pass over every base64 run of the text.
    private static readonly System.Buffers.SearchValues<string> TonPrefixes =
        System.Buffers.SearchValues.Create(["EQ", "Ef", "UQ", "Uf", "kQ", "kf", "0Q", "0f"], StringComparison.Ordinal);

    /// <summary>
    /// TON user-friendly addresses: 48-character runs of one base64 alphabet. A run with a TON header but a bad
    /// checksum goes to <paramref name="tonShaped"/> so that its base58-looking pieces are not taken for Solana.
    /// </summary>
    public static void ScanTonFriendly(string text, int segment, List<Occurrence> found, List<TextRange> tonShaped)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i + TonAddress.FriendlyLength <= span.Length)
        {
            var rel = span[i..].IndexOfAny(TonPrefixes);
            if (rel < 0)
            {
                return;
            }

            var start = i + rel;
            i = start + 1;
            if (start + TonAddress.FriendlyLength > span.Length)
            {
                return;
            }

            TryFriendlyAt(text, start, segment, urlSafe: true, found, tonShaped);
            TryFriendlyAt(text, start, segment, urlSafe: false, found, tonShaped);
        }
    }

    private static void TryFriendlyAt(string text, int start, int segment, bool urlSafe, List<Occurrence> found, List<TextRange> tonShaped)
    {
        var alphabet = urlSafe ? CharClass.Base64Url : CharClass.Base64Standard;
        var end = start + TonAddress.FriendlyLength;
        var candidate = text.AsSpan(start, TonAddress.FriendlyLength);
        if (candidate.ContainsAnyExcept(alphabet)
            || (start > 0 && alphabet.Contains(text[start - 1]))
            || (end < text.Length && alphabet.Contains(text[end]))
            || !CharClass.IsBoundaryBefore(text, start)
            || !CharClass.IsBoundaryAt(text, end))
        {
            return; // not a whole 48-character run of this alphabet
        }

        var verdict = TonAddress.CheckFriendly(candidate, urlSafe, out var canonical);
        if (verdict == TonAddress.Verdict.Valid)
        {
            found.Add(new Occurrence(segment, start, end, Chain.Ton, canonical, ChainFromLink: false));
        }

        if (verdict != TonAddress.Verdict.NotTon)
        {
            tonShaped.Add(new TextRange(start, end));
        }
    }

    private static int RunEnd(ReadOnlySpan<char> span, int from, System.Buffers.SearchValues<char> set)
    {
        var rel = span[from..].IndexOfAnyExcept(set);
        return rel < 0 ? span.Length : from + rel;
    }

    /// <summary>TON raw addresses "0:hex64" / "-1:hex64", found from their colon.</summary>
    public static void ScanTonRaw(string text, int segment, List<Occurrence> found, List<TextRange> tonShaped)
    {
        var colon = text.IndexOf(':');
        while (colon >= 0)
        {
            TryRawAt(text, colon, segment, found, tonShaped);
            colon = colon + 1 < text.Length ? text.IndexOf(':', colon + 1) : -1;
        }
    }

    private static void TryRawAt(string text, int colon, int segment, List<Occurrence> found, List<TextRange> tonShaped)
    {
        int start;
        if (colon >= 1 && text[colon - 1] == '0')
        {
            start = colon - 1;
        }
        else if (colon >= 2 && text[colon - 1] == '1' && text[colon - 2] == '-')
        {
            start = colon - 2;
        }
        else
        {
            return;
        }

        if (!CharClass.IsBoundaryBefore(text, start) || (start > 0 && text[start - 1] is '-' or '_'))
        {
            return;
        }

        var end = colon + 1;
        while (end < text.Length && end - colon - 1 < 64 && CharClass.IsHex(text[end]))
        {
            end++;
        }

        if (end - colon - 1 != 64 || !CharClass.IsBoundaryAt(text, end))
        {
            return;
        }

        if (TonAddress.TryParseRaw(text.AsSpan(start, end - start), out var canonical))
        {
            found.Add(new Occurrence(segment, start, end, Chain.Ton, canonical, ChainFromLink: false));
            tonShaped.Add(new TextRange(start, end));
        }
    }

}
