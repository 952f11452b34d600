using System.Numerics;

namespace Signals.Silo.Tests.MultiProcess;

/// <summary>Call posts for distinct, valid Solana-shaped addresses (base58 of 32 seeded bytes).</summary>
public static class TokenCalls
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Address(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        bytes[0] |= 0x80; // no leading zero byte, so always 43–44 characters
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

    public static string Post(string address) => $"🚀 New call: $PROC\nCA: {address}\nDYOR";
}
