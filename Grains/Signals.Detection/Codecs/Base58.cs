using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Signals.Detection.Codecs;

/// <summary>Bitcoin-alphabet base58, as Solana uses it. Only the check we need: does a string decode to exactly N bytes.</summary>
internal static class Base58
{
    public const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] DigitOf = BuildDigits();

    public static bool IsDigit(char c) => c < 128 && DigitOf[c] >= 0;

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create(Alphabet);

    // Indexed by m, the bytes left after the leading zero bytes: base58 of 2^(8m) and of 2^(8m-8), without leading '1's.
    private static readonly string[] Below = BuildPowers(0);
    private static readonly string[] AtLeast = BuildPowers(-8);

    /// <summary>
    /// True when <paramref name="text"/> decodes to exactly 32 bytes that are not all zero, decided without decoding.
    /// The alphabet is in ASCII order, so between digit strings of one length (and no leading zero digit) ordinal
    /// order is numeric order. "Exactly 32 bytes with <c>ones</c> leading '1's" means the rest is a number in
    /// [2^(8m-8), 2^(8m)) for m = 32 − ones: two comparisons against precomputed bounds instead of a 256-bit
    /// multiply chain (the decode's carries go through memory, which made it most of a Solana check).
    /// </summary>
    public static bool IsNonZeroKey32(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 64 || text.ContainsAnyExcept(Digits))
        {
            return false;
        }

        // Most keys start with a digit other than '1': a loop settles that on its first character, where a
        // vectorised search paid its set-up.
        var ones = 0;
        while (ones < text.Length && text[ones] == '1')
        {
            ones++;
        }

        if (ones == text.Length || ones >= 32)
        {
            return false; // all zero, or zero bytes alone already too many
        }

        var value = text[ones..];
        var m = 32 - ones;
        return CompareNumbers(value, AtLeast[m]) >= 0 && CompareNumbers(value, Below[m]) < 0;
    }

    private static int CompareNumbers(ReadOnlySpan<char> a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);

    private static string[] BuildPowers(int shift)
    {
        var powers = new string[33];
        for (var m = 1; m <= 32; m++)
        {
            powers[m] = Encode(System.Numerics.BigInteger.One << ((8 * m) + shift));
        }

        return powers;
    }

    private static string Encode(System.Numerics.BigInteger value)
    {
        var digits = new System.Text.StringBuilder();
        while (value > 0)
        {
            digits.Insert(0, Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        return digits.ToString();
    }

    /// <summary>
    /// Decodes <paramref name="text"/> into exactly 32 bytes. Detection needs only the yes/no of
    /// <see cref="IsNonZeroKey32"/>; this exact decoder is for callers that need the key's bytes, and is what the
    /// differential tests hold the bounds check to. Leading '1's are leading zero bytes, so
    /// "1111…" strings and big numbers both count their full width; anything shorter or longer is rejected.
    /// </summary>
    public static bool TryDecode32(ReadOnlySpan<char> text, Span<byte> output)
    {
        const int Width = 32;
        if (output.Length < Width || text.Length == 0 || text.Length > 64)
        {
            return false;
        }

        var leadingOnes = 0;
        while (leadingOnes < text.Length && text[leadingOnes] == '1')
        {
            leadingOnes++;
        }

        // Early rejection by length: d digits (the first non-zero) hold a value in [58^(d-1), 58^d), so its bit
        // length lies in [floor((d-1)·log2 58) + 1, ceil(d·log2 58)]. Exactly 32 bytes with the leading zero bytes
        // needs 8·(32 − ones) − 7 … 8·(32 − ones) bits. Bounds with log2 58 ≈ 5.85798 rounded outwards, so no
        // key is rejected here; most noise of 32–42 letters without leading '1's is.
        var digits = text.Length - leadingOnes;
        var wantBits = 8 * (Width - leadingOnes);
        if (digits > 0 && (((digits * 5859) + 999) / 1000 < wantBits - 7 || ((digits - 1) * 5857 / 1000) + 1 > wantBits))
        {
            return false;
        }

        // The value as four 64-bit limbs, least significant first. Digits are taken ten at a time
        // (58^10 < 2^64), so a 44-character address costs five limb multiplications, not 44 × 32 byte steps.
        // Within a chunk, digits go in pairs (58^2 = 3364): the multiply chain each chunk waits on is five steps, not ten.
        ulong l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        var i = leadingOnes;
        while (i < text.Length)
        {
            ulong chunk = 0;
            ulong scale = 1;
            var take = Math.Min(10, text.Length - i);
            if ((take & 1) != 0)
            {
                if (!TryDigit(text[i], out var single))
                {
                    return false;
                }

                chunk = (ulong)single;
                scale = 58;
                i++;
                take--;
            }

            for (; take > 0; take -= 2, i += 2)
            {
                if (!TryDigit(text[i], out var high) || !TryDigit(text[i + 1], out var low))
                {
                    return false;
                }

                chunk = (chunk * 3364) + (ulong)((high * 58) + low);
                scale *= 3364;
            }

            l0 = MultiplyAdd(l0, scale, chunk, out var carry);
            l1 = MultiplyAdd(l1, scale, carry, out carry);
            l2 = MultiplyAdd(l2, scale, carry, out carry);
            l3 = MultiplyAdd(l3, scale, carry, out carry);
            if (carry != 0)
            {
                return false; // the value needs more than 32 bytes
            }
        }

        var significant = l3 != 0 ? 32 - (BitOperations.LeadingZeroCount(l3) / 8)
            : l2 != 0 ? 24 - (BitOperations.LeadingZeroCount(l2) / 8)
            : l1 != 0 ? 16 - (BitOperations.LeadingZeroCount(l1) / 8)
            : l0 != 0 ? 8 - (BitOperations.LeadingZeroCount(l0) / 8)
            : 0;
        if (leadingOnes + significant != Width)
        {
            return false;
        }

        // Big-endian out; the leading '1's supply exactly the zero bytes above the value.
        BinaryPrimitives.WriteUInt64BigEndian(output, l3);
        BinaryPrimitives.WriteUInt64BigEndian(output[8..], l2);
        BinaryPrimitives.WriteUInt64BigEndian(output[16..], l1);
        BinaryPrimitives.WriteUInt64BigEndian(output[24..], l0);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigit(char c, out int digit)
    {
        digit = c < 128 ? DigitOf[c] : -1;
        return digit >= 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyAdd(ulong limb, ulong scale, ulong add, out ulong carry)
    {
        var high = Math.BigMul(limb, scale, out var low);
        var sum = low + add;
        carry = high + (sum < low ? 1UL : 0UL);
        return sum;
    }

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            digits[Alphabet[i]] = (sbyte)i;
        }

        return digits;
    }
}
