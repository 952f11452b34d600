namespace Signals.Detection.Codecs;

/// <summary>Bitcoin-alphabet base58, as Solana uses it. Only the check we need: does a string decode to exactly N bytes.</summary>
internal static class Base58
{
    public const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] DigitOf = BuildDigits();

    public static bool IsDigit(char c) => c < 128 && DigitOf[c] >= 0;

    /// <summary>
    /// Decodes <paramref name="text"/> into exactly 32 bytes. Leading '1's are leading zero bytes, so
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

        // The value as four 64-bit limbs, least significant first. Digits are taken ten at a time
        // (58^10 < 2^64), so a 44-character address costs five limb multiplications, not 44 × 32 byte steps.
        Span<ulong> limbs = stackalloc ulong[4];
        limbs.Clear();
        var i = leadingOnes;
        while (i < text.Length)
        {
            ulong chunk = 0;
            ulong scale = 1;
            for (var k = 0; k < 10 && i < text.Length; k++, i++)
            {
                var c = text[i];
                if (!IsDigit(c))
                {
                    return false;
                }

                chunk = (chunk * 58) + (ulong)DigitOf[c];
                scale *= 58;
            }

            var carry = chunk;
            for (var l = 0; l < 4; l++)
            {
                var product = ((UInt128)limbs[l] * scale) + carry;
                limbs[l] = (ulong)product;
                carry = (ulong)(product >> 64);
            }

            if (carry != 0)
            {
                return false; // the value needs more than 32 bytes
            }
        }

        var top = 3;
        while (top >= 0 && limbs[top] == 0)
        {
            top--;
        }

        var significant = top < 0 ? 0 : (top * 8) + 8 - (System.Numerics.BitOperations.LeadingZeroCount(limbs[top]) / 8);
        if (leadingOnes + significant != Width)
        {
            return false;
        }

        // Big-endian out; the leading '1's supply exactly the zero bytes above the value.
        for (var l = 0; l < 4; l++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(output[((3 - l) * 8)..], limbs[l]);
        }

        return true;
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
