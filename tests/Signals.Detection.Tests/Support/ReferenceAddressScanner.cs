using System.Globalization;
using System.Text;
using Signals.Detection.Codecs;
using Signals.Detection.Scanning;

namespace Signals.Detection.Tests.Support;

/// <summary>
/// The bare-address rules written as plainly as possible: every position is tried, words are cut rune by rune,
/// base58 is decoded with <see cref="System.Numerics.BigInteger"/>. Slow and obviously right, so that the
/// optimised <see cref="AddressScanner"/> can be checked against it on any input.
/// </summary>
public static class ReferenceAddressScanner
{
    private const string UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string StandardAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>What the scanner reports, in a form that compares as text.</summary>
    public sealed record Result(IReadOnlyList<string> Bare, IReadOnlyList<string> Ton, IReadOnlyList<string> TonShaped);

    public static Result Scan(string text)
    {
        var bare = new List<string>();
        var ton = new List<string>();
        var tonShaped = new List<string>();

        // Words: maximal runs of ASCII letters/digits and letter-like runes of other scripts. Only a word made of
        // ASCII letters and digits alone can be an address.
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordAt(text, i, out var width))
            {
                i += width;
                continue;
            }

            var start = i;
            var allAscii = true;
            while (i < text.Length && IsWordAt(text, i, out width))
            {
                allAscii &= text[i] < 0x80;
                i += width;
            }

            var word = text[start..i];
            if (!allAscii || word.Length is < 32 or > 44)
            {
                continue;
            }

            if (word.Length == 42 && word.StartsWith("0x", StringComparison.Ordinal))
            {
                if (Eip55.TryNormalize(word, out var evm))
                {
                    bare.Add($"{start}-{i} evm {evm}");
                }
            }
            else if (IsSolanaKey(word))
            {
                bare.Add($"{start}-{i} solana {word}");
            }
        }

        // TON friendly: every position, both alphabets; the 48 characters must be a whole run of the alphabet
        // with no word character glued on.
        for (var p = 0; p + 48 <= text.Length; p++)
        {
            foreach (var (alphabet, urlSafe) in new[] { (UrlAlphabet, true), (StandardAlphabet, false) })
            {
                var end = p + 48;
                if (!text.AsSpan(p, 48).ToString().All(alphabet.Contains)
                    || (p > 0 && (alphabet.Contains(text[p - 1]) || IsWordBefore(text, p)))
                    || (end < text.Length && (alphabet.Contains(text[end]) || IsWordAt(text, end, out _))))
                {
                    continue;
                }

                var verdict = TonAddress.CheckFriendly(text.AsSpan(p, 48), urlSafe, out var canonical);
                if (verdict == TonAddress.Verdict.Valid)
                {
                    ton.Add($"{p}-{end} ton {canonical}");
                }

                if (verdict != TonAddress.Verdict.NotTon)
                {
                    tonShaped.Add($"{p}-{end}");
                }
            }
        }

        // TON raw: "0:" or "-1:" + exactly 64 hex, not glued to a word or to '-'/'_' in front.
        for (var colon = 0; colon < text.Length; colon++)
        {
            if (text[colon] != ':')
            {
                continue;
            }

            var start = colon >= 1 && text[colon - 1] == '0' ? colon - 1
                : colon >= 2 && text[colon - 1] == '1' && text[colon - 2] == '-' ? colon - 2
                : -1;
            var end = colon + 65;
            if (start < 0 || end > text.Length || (start > 0 && (IsWordBefore(text, start) || text[start - 1] is '-' or '_'))
                || !text[(colon + 1)..end].All(Uri.IsHexDigit) || (end < text.Length && IsWordAt(text, end, out _)))
            {
                continue;
            }

            if (TonAddress.TryParseRaw(text.AsSpan(start, end - start), out var canonical))
            {
                ton.Add($"{start}-{end} ton {canonical}");
                tonShaped.Add($"{start}-{end}");
            }
        }

        return new Result(bare, Sorted(ton), Sorted(tonShaped));
    }

    /// <summary>Sorted and distinct: a TON address written in the characters both base64 alphabets share may be
    /// reported once per alphabet or once in all; the detector keeps each token once either way.</summary>
    public static List<string> Sorted(IEnumerable<string> positioned) =>
        positioned.Distinct(StringComparer.Ordinal).OrderBy(s => int.Parse(s[..s.IndexOf('-')], CultureInfo.InvariantCulture)).ThenBy(s => s, StringComparer.Ordinal).ToList();

    /// <summary>32 bytes exactly, counting each leading '1' as a zero byte, and not all zero.</summary>
    public static bool IsSolanaKey(string word)
    {
        if (!word.All(c => Base58.Alphabet.Contains(c)))
        {
            return false;
        }

        var bytes = TestEncoders.Base58Decode(word);
        return bytes.Length == 32 && bytes.Any(b => b != 0);
    }

    private static bool IsWordBefore(string text, int index)
    {
        var prev = index - 1;
        if (prev > 0 && char.IsLowSurrogate(text[prev]) && char.IsHighSurrogate(text[prev - 1]))
        {
            prev--;
        }

        return IsWordAt(text, prev, out _);
    }

    /// <summary>ASCII letters and digits, and letters, marks and digits of other scripts except uncased ones (CJK…).</summary>
    private static bool IsWordAt(string text, int index, out int width)
    {
        width = 1;
        var c = text[index];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        width = consumed;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }
}
