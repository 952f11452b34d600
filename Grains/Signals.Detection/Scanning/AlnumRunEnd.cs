using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Signals.Detection.Scanning;

/// <summary>
/// Finds where a run of ASCII letters and digits ends. Every long run is read through once, so in a post that is
/// mostly one flood of letters (the corpus's 20 KB posts, the 1 MB benchmark post) this loop is most of the time.
/// </summary>
internal static class AlnumRunEnd
{
    private const int CharsPerStep = 64;
    private const int ShortRun = 64;

    // Indexed by a 7-bit ASCII code: 0xFF for a letter or digit, 0 otherwise (codes 0-63, then 64-127).
    private static readonly Vector512<byte> LowTable = AsciiTable.Half(0, AlnumEntry);
    private static readonly Vector512<byte> HighTable = AsciiTable.Half(64, AlnumEntry);

    /// <summary>The index of the first character of <paramref name="span"/> that is not an ASCII letter or digit, or -1.</summary>
    public static int IndexOfNonAlnum(ReadOnlySpan<char> span)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && span.Length >= Vector256<ushort>.Count)
        {
            // Most runs are words, numbers and addresses that end within 64 characters: tested inline, 16 a compare
            // (the last 16 of the text loaded from its end), where a library search's set-up cost more than its
            // reading. Longer runs go on below.
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
            var lastBlock = span.Length - Vector256<ushort>.Count;
            for (; i < Math.Min(span.Length, ShortRun); i += Vector256<ushort>.Count)
            {
                var at = Math.Min(i, lastBlock);
                var other = (~AlnumLanes(Vector256.LoadUnsafe(ref chars, (nuint)at))).ExtractMostSignificantBits() >> (i - at);
                if (other != 0)
                {
                    return i + BitOperations.TrailingZeroCount(other);
                }
            }

            if (i >= span.Length)
            {
                return -1;
            }
        }

        if (Avx512Vbmi.IsSupported && span.Length - i >= CharsPerStep)
        {
            // 64 characters a step: packed to bytes (anything above 0xFF saturates to 0xFF or, read as negative,
            // to 0, and neither is a letter), classified by one 128-entry byte lookup, and the step fails when a
            // byte is not a letter or digit or has its top bit set (not ASCII). SearchValues reads 32 characters a
            // step with two nibble lookups; this halves the instructions per character on the long runs.
            ref var origin = ref Unsafe.As<char, short>(ref MemoryMarshal.GetReference(span));
            var last = span.Length - CharsPerStep;
            for (; i <= last; i += CharsPerStep)
            {
                var first = Vector512.LoadUnsafe(ref origin, (nuint)i);
                var second = Vector512.LoadUnsafe(ref origin, (nuint)(i + 32));
                var bytes = Avx512BW.PackUnsignedSaturate(first, second);
                var alnum = Avx512Vbmi.PermuteVar64x8x2(LowTable, bytes, HighTable);
                if (Vector512.ExtractMostSignificantBits(bytes | ~alnum) != 0)
                {
                    break; // the exact place is found below, within this step
                }
            }
        }

        var rel = span[i..].IndexOfAnyExcept(CharClass.AsciiAlnum);
        return rel < 0 ? -1 : i + rel;
    }

    /// <summary>All bits set in each lane holding an ASCII letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ushort> AlnumLanes(Vector256<ushort> v)
    {
        // Setting bit 0x20 folds 'A'..'Z' onto 'a'..'z' and maps nothing else there.
        var letter = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)25));
        var digit = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
        return letter | digit;
    }

    private static byte AlnumEntry(char c) => CharClass.IsAsciiAlnum(c) ? (byte)0xFF : (byte)0;
}
