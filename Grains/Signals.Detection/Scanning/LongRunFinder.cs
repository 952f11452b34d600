using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Signals.Detection.Scanning;

/// <summary>
/// Finds where an address could be, without looking at every character. Every address form is a run of at least
/// 32 characters from <c>[0-9A-Za-z+/_-]</c> (Solana 32–44, EVM 42, TON 48 or ":" + 64 hex). Any run of 31 or
/// more characters covers one whole aligned 16-character block. So it is enough to test aligned blocks,
/// 16 characters per vector compare, for "all characters in the set". Prose, emoji and Cyrillic fail that test in
/// a few instructions, and short words and tickers are never looked at one by one.
/// </summary>
internal static class LongRunFinder
{
    public const int Block = 16;

    /// <summary>
    /// Runs at least this long are jumped over by the searches for dots and invisible characters. A shorter one
    /// (an address) is cheaper to read through than to split a vectorised search around.
    /// </summary>
    public const int SkippedRunLength = 256;

    /// <summary>The start of the first aligned block at or after <paramref name="from"/> whose 16 characters are all
    /// base64-ish (<c>[0-9A-Za-z+/_-]</c>), or -1.</summary>
    /// <param name="from">A multiple of <see cref="Block"/>.</param>
    /// <param name="screen">Takes in every block read and failed (where 256-bit vectors are accelerated).</param>
    public static int NextFullBlock(ReadOnlySpan<char> text, int from, ref TextScreen screen)
    {
        var last = text.Length - Block;
        ref var origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        if (Vector256.IsHardwareAccelerated)
        {
            // The failed blocks are most of a post's prose: the screen learns from them what the later searches would
            // otherwise read the post again for. With VBMI the block's classes (one table look-up) answer both.
            var local = screen;
            for (var i = from; i <= last; i += Block)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var saturated = TextScreen.Saturate(v);
                var classes = TextScreen.Classify(saturated);
                var full = Avx512Vbmi.IsSupported
                    ? Vector128.ExtractMostSignificantBits(Vector128.AndNot(classes, saturated)) == 0xFFFF // in the class, and ASCII
                    : AllBase64(v);
                if (full)
                {
                    screen = local;
                    return i;
                }

                local.Add(saturated, classes);
            }

            screen = local;
            return -1;
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (var i = from; i <= last; i += Block)
            {
                if (AllBase64(Vector128.LoadUnsafe(ref origin, (nuint)i)) && AllBase64(Vector128.LoadUnsafe(ref origin, (nuint)(i + 8))))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = from; i <= last; i += Block)
        {
            // Scalar: test from the block's end, where a space or a non-ASCII letter usually sits.
            var k = Block - 1;
            while (k >= 0 && CharClass.IsBase64Any(text[i + k]))
            {
                k--;
            }

            if (k < 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the run that covers the full block at <paramref name="block"/> starts: after the last character
    /// outside the run alphabet in the block before it (which has one: it was tested and failed, or held the end of
    /// an earlier run), or at <paramref name="block"/> - 16 if it had none.</summary>
    public static int RunStartBefore(ReadOnlySpan<char> text, int block)
    {
        var back = Math.Max(0, block - Block);
        if (!Vector256.IsHardwareAccelerated || block < Block)
        {
            return back + text[back..block].LastIndexOfAnyExcept(CharClass.Base64Any) + 1;
        }

        // One compare of the 16 characters instead of a library search backwards, whose set-up cost more.
        var v = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)back);
        var outside = (~Base64Lanes(v)).ExtractMostSignificantBits();
        return outside == 0 ? back : back + (31 - BitOperations.LeadingZeroCount(outside)) + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllBase64(Vector256<ushort> v) => Base64Lanes(v) == Vector256<ushort>.AllBitsSet;

    /// <summary>All bits set in each lane holding <c>[0-9A-Za-z+/_-]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> Base64Lanes(Vector256<ushort> v)
    {
        // '+' 0x2B, '-' 0x2D, '/' 0x2F: the odd characters of 0x2B..0x2F (',' and '.' are even).
        var sign = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'+'), Vector256.Create((ushort)4))
                   & Vector256.Equals(v & Vector256<ushort>.One, Vector256<ushort>.One);
        var underscore = Vector256.Equals(v, Vector256.Create((ushort)'_'));
        return AlnumRunEnd.AlnumLanes(v) | sign | underscore;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllBase64(Vector128<ushort> v)
    {
        var letter = Vector128.LessThanOrEqual((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25));
        var digit = Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
        var sign = Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'+'), Vector128.Create((ushort)4))
                   & Vector128.Equals(v & Vector128<ushort>.One, Vector128<ushort>.One);
        var underscore = Vector128.Equals(v, Vector128.Create((ushort)'_'));
        return (letter | digit | sign | underscore) == Vector128<ushort>.AllBitsSet;
    }
}
