using System.Buffers;
using System.Globalization;
using System.Text;

namespace Signals.Detection.Scanning;

/// <summary>Character classes that decide where a candidate address starts and ends.</summary>
internal static class CharClass
{
    private const string AlnumChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Vectorised sets: the scanners skip whole stretches of text per instruction instead of per character.</summary>
    public static readonly SearchValues<char> AsciiAlnum = SearchValues.Create(AlnumChars);

    public static readonly SearchValues<char> Base64Url = SearchValues.Create(AlnumChars + "-_");

    public static readonly SearchValues<char> Base64Standard = SearchValues.Create(AlnumChars + "+/");

    /// <summary>Either base64 alphabet: the characters an address run can hold.</summary>
    public static readonly SearchValues<char> Base64Any = SearchValues.Create(AlnumChars + "+/-_");

    public static bool IsAsciiAlnum(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>Either base64 alphabet: letters, digits and <c>+ / - _</c>.</summary>
    public static bool IsBase64Any(char c) => Base64Any.Contains(c);

    public static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    /// <summary>
    /// True when the character at <paramref name="index"/> could be mistaken for part of a Latin word: letters of
    /// cased scripts (Latin, Cyrillic, Greek, fullwidth and mathematical forms), combining marks and digits.
    /// Such a character glued to an address makes the whole run a non-address. Letters of uncased scripts
    /// (CJK, kana, Arabic…, category Lo) have no Latin look-alikes, so they end a run like a space would.
    /// </summary>
    public static bool IsLookalikeWordChar(string text, int index, out int width)
    {
        var c = text[index];
        width = 1;
        if (c < 0x80)
        {
            return false;
        }

        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done)
        {
            return false; // a lone surrogate is noise, not a letter
        }

        width = consumed;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>True when a run may end before <paramref name="index"/>: end of text or a character that is not word-like.</summary>
    public static bool IsBoundaryAt(string text, int index)
    {
        if (index >= text.Length || index < 0)
        {
            return true;
        }

        return !IsAsciiAlnum(text[index]) && !IsLookalikeWordChar(text, index, out _);
    }

    /// <summary>True when a run may start after the character that ends at <paramref name="index"/> - 1.</summary>
    public static bool IsBoundaryBefore(string text, int index)
    {
        if (index <= 0)
        {
            return true;
        }

        var prev = index - 1;
        if (char.IsLowSurrogate(text[prev]) && prev > 0 && char.IsHighSurrogate(text[prev - 1]))
        {
            prev--;
        }

        return IsBoundaryAt(text, prev);
    }
}
