using System.Numerics;

namespace Signals.Client.Tests.Support;

/// <summary>Valid Solana mints for tests: base58 of 32 seeded random bytes.</summary>
public static class SolanaAddresses
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Create(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        bytes[0] |= 0x80; // no leading zero byte, so every address has the usual 43-44 characters
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new Stack<char>();
        while (value > 0)
        {
            chars.Push(Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        return new string(chars.ToArray());
    }
}
