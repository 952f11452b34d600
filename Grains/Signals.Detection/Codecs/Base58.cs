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

        Span<byte> number = stackalloc byte[Width];
        number.Clear();
        for (var i = leadingOnes; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsDigit(c))
            {
                return false;
            }

            var carry = (int)DigitOf[c];
            for (var b = Width - 1; b >= 0; b--)
            {
                carry += number[b] * 58;
                number[b] = (byte)carry;
                carry >>= 8;
            }

            if (carry != 0)
            {
                return false; // the value needs more than 32 bytes
            }
        }

        var zeroPrefix = 0;
        while (zeroPrefix < Width && number[zeroPrefix] == 0)
        {
            zeroPrefix++;
        }

        var significant = Width - zeroPrefix;
        if (leadingOnes + significant != Width)
        {
            return false;
        }

        // The value's bytes sit right-aligned in `number`; the leading '1's supply exactly the zeros above them.
        number.CopyTo(output);
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
