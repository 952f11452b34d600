using System.Numerics;

namespace Signals.Testing;

/// <summary>Valid token addresses for tests: base58 of 32 seeded random bytes (a Solana mint's shape), shared by every test project.</summary>
public static class TestAddresses
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Solana(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        bytes[0] |= 0x80; // no leading zero bytes, so the text is always 43–44 characters
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        while (value > 0)
        {
            chars.Add(Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        chars.Reverse();
        return new string(chars.ToArray());
    }
}
