using System.Numerics;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>Miller–Rabin: deterministic for 64-bit numbers, probabilistic with random bases for big ones.</summary>
internal static class PrimeTest
{
    // These seven bases decide primality for every n < 2^64 (Jim Sinclair's set, a published fact).
    private static readonly ulong[] DeterministicBases = [2, 325, 9375, 28178, 450775, 9780504, 1795265022];

    private static readonly int[] SmallPrimes =
    [
        3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
        101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199,
    ];

    public static bool IsPrime(ulong n)
    {
        if (n < 2)
        {
            return false;
        }

        foreach (var small in SmallPrimes)
        {
            if (n == (ulong)small)
            {
                return true;
            }

            if (n % (ulong)small == 0)
            {
                return false;
            }
        }

        if (n % 2 == 0)
        {
            return n == 2;
        }

        var d = n - 1;
        var s = 0;
        while (d % 2 == 0)
        {
            d /= 2;
            s++;
        }

        foreach (var basis in DeterministicBases)
        {
            var a = basis % n;
            if (a == 0)
            {
                continue;
            }

            var x = PowMod(a, d, n);
            if (x == 1 || x == n - 1)
            {
                continue;
            }

            var composite = true;
            for (var i = 1; i < s && composite; i++)
            {
                x = PqFactorizer.MulMod(x, x, n);
                composite = x != n - 1;
            }

            if (composite)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsProbablePrime(BigInteger n, int rounds)
    {
        if (n < ulong.MaxValue)
        {
            return n >= 2 && IsPrime((ulong)n);
        }

        if (n.IsEven)
        {
            return false;
        }

        foreach (var small in SmallPrimes)
        {
            if (n % small == 0)
            {
                return false;
            }
        }

        var d = n - 1;
        var s = 0;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        var byteCount = n.GetByteCount(isUnsigned: true);
        Span<byte> buffer = stackalloc byte[byteCount];
        var nMinusOne = n - 1;
        for (var round = 0; round < rounds; round++)
        {
            BigInteger a;
            do
            {
                RandomNumberGenerator.Fill(buffer);
                a = new BigInteger(buffer, isUnsigned: true, isBigEndian: true) % n;
            }
            while (a < 2 || a >= nMinusOne);

            var x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == nMinusOne)
            {
                continue;
            }

            var composite = true;
            for (var i = 1; i < s && composite; i++)
            {
                x = BigInteger.ModPow(x, 2, n);
                composite = x != nMinusOne;
            }

            if (composite)
            {
                return false;
            }
        }

        return true;
    }

    private static ulong PowMod(ulong value, ulong exponent, ulong n)
    {
        ulong result = 1;
        value %= n;
        while (exponent > 0)
        {
            if ((exponent & 1) == 1)
            {
                result = PqFactorizer.MulMod(result, value, n);
            }

            value = PqFactorizer.MulMod(value, value, n);
            exponent >>= 1;
        }

        return result;
    }
}
