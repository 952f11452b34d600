using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        // The stretches between invisible characters are copied whole, each found by the vectorised search.
        var length = 0;
        var from = 0;
        while (first >= 0)
        {
            text.AsSpan(from, first - from).CopyTo(buffer[length..]);
            length += first - from;
            from = first + 1;
            var next = FirstInvisible(text.AsSpan(from));
            first = next < 0 ? -1 : from + next;
        }

        text.AsSpan(from).CopyTo(buffer[length..]);
        length += text.Length - from;

        var clean = new string(buffer[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return clean;
    }

    /// <summary>
    /// Every invisible character is U+00AD or above, so ASCII text is settled by one test (Ascii.IsValid, the fastest
    /// whole-text test there is; most posts and all base58 floods are ASCII). Other text is read once, 16 characters
    /// a step, for the three single characters and the one range (U+200B…U+2069) that hold them all; the range's
    /// few visible members (dashes, quotes, "…") are confirmed per hit. Five separate vectorised searches did the
    /// same on the short posts, where each search's set-up cost more than its reading.
    /// </summary>
    private static int FirstInvisible(ReadOnlySpan<char> text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return -1;
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var hits = Vector256.Equals(v, Vector256.Create((ushort)'\u00AD'))
                    | Vector256.Equals(v, Vector256.Create((ushort)'\u180E'))
                    | Vector256.Equals(v, Vector256.Create((ushort)'\uFEFF'))
                    | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'\u200B'), Vector256.Create((ushort)('\u2069' - '\u200B')));
                for (var bits = hits.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                {
                    var at = i + BitOperations.TrailingZeroCount(bits);
                    if (IsInvisible(text[at]))
                    {
                        return at;
                    }
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (IsInvisible(text[i]))
            {
                return i;
            }
        }

        return -1;
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
}
