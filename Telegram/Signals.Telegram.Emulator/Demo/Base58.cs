using System.Text;

namespace Signals.Telegram.Emulator.Demo;

/// <summary>Bitcoin-alphabet Base58, the encoding of Solana addresses. Small inputs only (addresses, signatures).</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var leadingZeros = 0;
        while (leadingZeros < data.Length && data[leadingZeros] == 0)
        {
            leadingZeros++;
        }

        // Base-58 digits, least significant first; each input byte multiplies the number by 256 and adds itself.
        var digits = new List<byte>(data.Length * 138 / 100 + 1);
        foreach (var value in data[leadingZeros..])
        {
            var carry = (int)value;
            for (var i = 0; i < digits.Count; i++)
            {
                carry += digits[i] << 8;
                digits[i] = (byte)(carry % 58);
                carry /= 58;
            }

            while (carry > 0)
            {
                digits.Add((byte)(carry % 58));
                carry /= 58;
            }
        }

        var text = new StringBuilder(leadingZeros + digits.Count);
        text.Append('1', leadingZeros);
        for (var i = digits.Count - 1; i >= 0; i--)
        {
            text.Append(Alphabet[digits[i]]);
        }

        return text.ToString();
    }

    /// <summary>The bytes, or null when <paramref name="text"/> holds a character outside the alphabet.</summary>
    public static byte[]? Decode(string text)
    {
        var leadingOnes = 0;
        while (leadingOnes < text.Length && text[leadingOnes] == '1')
        {
            leadingOnes++;
        }

        // Base-256 digits, least significant first.
        var bytes = new List<byte>(text.Length * 733 / 1000 + 1);
        foreach (var c in text.AsSpan(leadingOnes))
        {
            var carry = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (carry < 0)
            {
                return null;
            }

            for (var i = 0; i < bytes.Count; i++)
            {
                carry += bytes[i] * 58;
                bytes[i] = (byte)(carry & 0xFF);
                carry >>= 8;
            }

            while (carry > 0)
            {
                bytes.Add((byte)(carry & 0xFF));
                carry >>= 8;
            }
        }

        var result = new byte[leadingOnes + bytes.Count];
        for (var i = 0; i < bytes.Count; i++)
        {
            result[result.Length - 1 - i] = bytes[i];
        }

        return result;
    }
}
