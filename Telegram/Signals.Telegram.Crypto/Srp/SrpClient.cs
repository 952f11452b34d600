using System.Numerics;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>The client half of /api/srp: from the password and the server's srp_B, computes A and M1.</summary>
public static class SrpClient
{
    /// <summary>
    /// Computes the proof for a given secret a (256 random bytes). Throws <see cref="SrpException"/> when p/g, B or
    /// the derived values fail the spec's checks (including an A or u that the caller must retry with a new a).
    /// </summary>
    public static SrpClientProof ComputeProof(SrpAlgorithm algorithm, ReadOnlySpan<byte> passwordHash, ReadOnlySpan<byte> srpB, ReadOnlySpan<byte> secretA)
    {
        var p = SrpMath.CheckedPrime(algorithm);
        var b = BigEndian.ToBigInteger(srpB);
        if (b.Sign <= 0 || b >= p)
        {
            throw new SrpException("srp_B is not in 0 < B < p.");
        }

        var paddedP = SrpMath.Pad(algorithm.P);
        var paddedB = SrpMath.Pad(b);
        var x = BigEndian.ToBigInteger(passwordHash);
        var a = BigEndian.ToBigInteger(secretA);
        var bigA = BigInteger.ModPow(algorithm.G, a, p);
        if (!DhChecks.IsGoodPublicValue(bigA, p))
        {
            throw new SrpException("A = g^a is too close to 0 or p; pick another a.");
        }

        var paddedA = SrpMath.Pad(bigA);
        var u = SrpMath.HashToNumber(paddedA, paddedB);
        if (u.IsZero)
        {
            throw new SrpException("u = 0; pick another a.");
        }

        var k = SrpMath.Multiplier(paddedP, algorithm.G);
        var v = BigInteger.ModPow(algorithm.G, x, p);
        var gB = SrpMath.Mod(b - (k * v), p);
        if (!DhChecks.IsGoodPublicValue(gB, p))
        {
            throw new SrpException("B - k·v is out of range.");
        }

        var s = BigInteger.ModPow(gB, a + (u * x), p);
        var m1 = SrpMath.ClientProof(algorithm, paddedP, paddedA, paddedB, s);
        return new SrpClientProof(paddedA, m1);
    }

    /// <summary>Hashes the password and draws a (retrying on the rare unusable one).</summary>
    public static SrpClientProof ComputeProof(SrpAlgorithm algorithm, string password, ReadOnlySpan<byte> srpB, RandomNumberGenerator? random = null)
    {
        var passwordHash = SrpPassword.ComputeHash(algorithm, password);
        Span<byte> secret = stackalloc byte[SrpMath.NumberSize];
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                if (random is null)
                {
                    RandomNumberGenerator.Fill(secret);
                }
                else
                {
                    random.GetBytes(secret);
                }

                try
                {
                    return ComputeProof(algorithm, passwordHash, srpB, secret);
                }
                catch (SrpException) when (attempt < 8 && IsRetryable(algorithm, srpB))
                {
                    // A bad A or u depends on a only; anything else is rethrown by the filter on the next pass.
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(passwordHash);
        }
    }

    private static bool IsRetryable(SrpAlgorithm algorithm, ReadOnlySpan<byte> srpB)
    {
        var p = BigEndian.ToBigInteger(algorithm.P);
        var b = BigEndian.ToBigInteger(srpB);
        return b.Sign > 0 && b < p;
    }
}
