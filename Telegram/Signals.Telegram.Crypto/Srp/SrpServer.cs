using System.Numerics;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>
/// The server half of /api/srp for one login attempt: holds the secret b, publishes B = (k·v + g^b) mod p, and
/// checks a client's (A, M1) against the stored verifier v with a constant-time comparison.
/// </summary>
public sealed class SrpServer
{
    private readonly SrpAlgorithm _algorithm;
    private readonly BigInteger _p;
    private readonly BigInteger _v;
    private readonly BigInteger _b;
    private readonly byte[] _paddedP;

    private SrpServer(SrpAlgorithm algorithm, BigInteger p, BigInteger v, BigInteger b, byte[] srpB)
    {
        _algorithm = algorithm;
        _p = p;
        _v = v;
        _b = b;
        _paddedP = SrpMath.Pad(algorithm.P);
        SrpB = srpB;
    }

    /// <summary>srp_B as sent in account.password (256 bytes).</summary>
    public byte[] SrpB { get; }

    /// <summary>Starts an attempt with a given secret b (256 bytes); throws when the resulting B is unusable.</summary>
    public static SrpServer Create(SrpAlgorithm algorithm, ReadOnlySpan<byte> verifier, ReadOnlySpan<byte> secretB)
    {
        var p = SrpMath.CheckedPrime(algorithm);
        var v = BigEndian.ToBigInteger(verifier);
        if (v.Sign <= 0 || v >= p)
        {
            throw new SrpException("The verifier is not a number modulo p.");
        }

        var b = BigEndian.ToBigInteger(secretB);
        var k = SrpMath.Multiplier(SrpMath.Pad(algorithm.P), algorithm.G);
        var gB = BigInteger.ModPow(algorithm.G, b, p);
        var bigB = SrpMath.Mod((k * v) + gB, p);
        if (!DhChecks.IsGoodPublicValue(gB, p) || !DhChecks.IsGoodPublicValue(bigB, p))
        {
            throw new SrpException("g^b or B is too close to 0 or p; pick another b.");
        }

        return new SrpServer(algorithm, p, v, b, SrpMath.Pad(bigB));
    }

    public static SrpServer Create(SrpAlgorithm algorithm, ReadOnlySpan<byte> verifier, RandomNumberGenerator? random = null)
    {
        Span<byte> secret = stackalloc byte[SrpMath.NumberSize];
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
                return Create(algorithm, verifier, secret);
            }
            catch (SrpException) when (attempt < 8 && BigEndian.ToBigInteger(verifier) is var v && v.Sign > 0)
            {
                // Only b was unlucky; draw again.
            }
        }
    }

    /// <summary>True when the client proved knowledge of the password. Hostile A values simply fail.</summary>
    public bool VerifyProof(ReadOnlySpan<byte> a, ReadOnlySpan<byte> m1)
    {
        if (a.Length > SrpMath.NumberSize || m1.Length != SHA256.HashSizeInBytes)
        {
            return false;
        }

        var bigA = BigEndian.ToBigInteger(a);
        if (!DhChecks.IsGoodPublicValue(bigA, _p))
        {
            return false;
        }

        var paddedA = SrpMath.Pad(bigA);
        var u = SrpMath.HashToNumber(paddedA, SrpB);
        if (u.IsZero)
        {
            return false;
        }

        var s = BigInteger.ModPow(bigA * BigInteger.ModPow(_v, u, _p) % _p, _b, _p);
        var expected = SrpMath.ClientProof(_algorithm, _paddedP, paddedA, SrpB, s);
        return CryptographicOperations.FixedTimeEquals(expected, m1);
    }
}
