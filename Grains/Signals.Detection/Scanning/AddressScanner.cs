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
        var i = 0;
        while (i < text.Length)
        {
            var ascii = true;
            var start = i;
            while (i < text.Length)
            {
                if (CharClass.IsAsciiAlnum(text[i]))
                {
                    i++;
                }
                else if (CharClass.IsLookalikeWordChar(text, i, out var width))
                {
                    ascii = false; // a Cyrillic 'о' or a fullwidth digit inside: not an address
                    i += width;
                }
                else
                {
                    break;
                }
            }

            if (i == start)
            {
                i++;
                continue;
            }

            if (!ascii)
            {
                continue;
            }

            var run = text.AsSpan(start, i - start);
            if (run.Length == 42 && run[0] == '0' && run[1] == 'x')
            {
                if (Eip55.TryNormalize(run, out var evm))
                {
                    found.Add(new Occurrence(segment, start, i, Chain.Evm, evm, ChainFromLink: false));
                }
            }
            else if (run.Length is >= AddressValidator.SolanaMinLength and <= AddressValidator.SolanaMaxLength
                && AddressValidator.IsSolanaAddress(run, out var solana))
            {
                found.Add(new Occurrence(segment, start, i, Chain.Solana, solana, ChainFromLink: false));
            }
        }
    }

    /// <summary>
    /// TON user-friendly addresses: 48-character runs of one base64 alphabet. A run with a TON header but a bad
    /// checksum goes to <paramref name="tonShaped"/> so that its base58-looking pieces are not taken for Solana.
    /// </summary>
    public static void ScanTonFriendly(string text, int segment, bool urlSafe, List<Occurrence> found, List<TextRange> tonShaped)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTonChar(text[i], urlSafe))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsTonChar(text[i], urlSafe))
            {
                i++;
            }

            if (i - start != TonAddress.FriendlyLength || !CharClass.IsBoundaryBefore(text, start) || !CharClass.IsBoundaryAt(text, i))
            {
                continue;
            }

            var verdict = TonAddress.CheckFriendly(text.AsSpan(start, i - start), urlSafe, out var canonical);
            if (verdict == TonAddress.Verdict.Valid)
            {
                found.Add(new Occurrence(segment, start, i, Chain.Ton, canonical, ChainFromLink: false));
            }

            if (verdict != TonAddress.Verdict.NotTon)
            {
                tonShaped.Add(new TextRange(start, i));
            }
        }
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

    private static bool IsTonChar(char c, bool urlSafe) => urlSafe ? TonAddress.IsUrlSafeChar(c) : TonAddress.IsStandardChar(c);
}
