using System.Security.Cryptography;

namespace Signals.Telegram.Mtproto.Auth;

/// <summary>
/// The server's pq: a product of two distinct primes, each below 2^32 as the spec requires (Telegram sends
/// about 31-bit factors). Trial division is plenty for numbers this small.
/// </summary>
internal static class HandshakePrimes
{
    public static (ulong P, ulong Q) NewPair(RandomNumberGenerator? random)
    {
        var p = NextPrime(random);
        ulong q;
        do
        {
            q = NextPrime(random);
        }
        while (q == p);

        return p < q ? (p, q) : (q, p);
    }

    private static ulong NextPrime(RandomNumberGenerator? random)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (random is null)
        {
            RandomNumberGenerator.Fill(bytes);
        }
        else
        {
            random.GetBytes(bytes);
        }

        // Top two bits set: a 31-bit odd number at least 0x60000000, like Telegram's factors.
        var candidate = (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes) & 0x7FFF_FFFFu) | 0x6000_0001u;
        while (!IsPrime(candidate))
        {
            candidate += 2;
        }

        return candidate;
    }

    internal static bool IsPrime(ulong n)
    {
        if (n < 2)
        {
            return false;
        }

        for (ulong d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
