using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Signals.Detection.Scanning;

/// <summary>
/// Searches for one to four characters where the answer is usually near: the next delimiter of a URL, the next dot
/// of a post. The library's vectorised searches pay a set-up of several nanoseconds per call, which on a
/// six-character path segment is most of the cost; these read the first 64 characters inline, 16 per compare, and
/// hand anything longer to the library.
/// </summary>
internal static class ShortSearch
{
    private const int InlineChars = 64;

    /// <summary>The first index in [<paramref name="from"/>, <paramref name="end"/>) of <paramref name="text"/> holding
    /// <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/> or <paramref name="d"/> (repeat one to search
    /// for fewer), or <paramref name="end"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfAny(string text, int from, int end, char a, char b, char c, char d)
    {
        var i = from;
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<ushort>.Count)
        {
            ref var origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var inlineEnd = Math.Min(end, from + InlineChars);
            for (; i < inlineEnd; i += Vector256<ushort>.Count)
            {
                var v = Load(ref origin, text.Length, i, out var skipped);
                var hits = Vector256.Equals(v, Vector256.Create((ushort)a)) | Vector256.Equals(v, Vector256.Create((ushort)b))
                    | Vector256.Equals(v, Vector256.Create((ushort)c)) | Vector256.Equals(v, Vector256.Create((ushort)d));
                if (FirstHit(hits.ExtractMostSignificantBits() >> skipped, i, end) is var found and >= 0)
                {
                    return found;
                }
            }

            if (i >= end)
            {
                return end;
            }
        }

        var rest = text.AsSpan(i, end - i);
        var rel = a == b && b == c && c == d ? rest.IndexOf(a) : rest.IndexOfAny([a, b, c, d]);
        return rel < 0 ? end : i + rel;
    }

    /// <summary>The first index in [<paramref name="from"/>, <paramref name="end"/>) holding <paramref name="value"/>, or <paramref name="end"/>.</summary>
    /// <remarks>Inlined with the repeated character, the JIT folds the four compares into one, and the library's
    /// search is its single-character one.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOf(string text, int from, int end, char value) => IndexOfAny(text, from, end, value, value, value, value);

    /// <summary>16 characters from <paramref name="index"/>; near the end of the text, the last 16, with
    /// <paramref name="skipped"/> saying how many of them come before <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> Load(ref ushort origin, int length, int index, out int skipped)
    {
        var at = Math.Min(index, length - Vector256<ushort>.Count);
        skipped = index - at;
        return Vector256.LoadUnsafe(ref origin, (nuint)at);
    }

    /// <summary>The text index of the first set bit (bit k is <paramref name="index"/> + k) if it lies before
    /// <paramref name="end"/>; <paramref name="end"/> when a hit lies at or past it; -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstHit(uint bits, int index, int end)
    {
        if (bits == 0)
        {
            return -1;
        }

        var at = index + BitOperations.TrailingZeroCount(bits);
        return at < end ? at : end;
    }
}
