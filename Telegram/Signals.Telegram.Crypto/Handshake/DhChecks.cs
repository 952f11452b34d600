using System.Numerics;

namespace Signals.Telegram.Crypto;

/// <summary>
/// The checks /mtproto/auth_key asks of the client (and the SRP page of both sides): dh_prime is a safe 2048-bit
/// prime, g in 2..7 generates the order-(p-1)/2 subgroup, and public values stay away from 1 and p-1.
/// </summary>
public static class DhChecks
{
    public const int PrimeBits = 2048;
    private const int SafetyMarginBits = 64;
    private const int DefaultRounds = 24;

    private static readonly BigInteger Margin = BigInteger.One << (PrimeBits - SafetyMarginBits);

    /// <summary>
    /// The 2048-bit safe prime Telegram's servers send (it is dh_prime in the auth-key sample page and in
    /// /api/srp); checked once, so recognising it skips two expensive primality tests on every handshake.
    /// </summary>
    public static ReadOnlySpan<byte> KnownTelegramPrime =>
    [
        0xC7, 0x1C, 0xAE, 0xB9, 0xC6, 0xB1, 0xC9, 0x04, 0x8E, 0x6C, 0x52, 0x2F, 0x70, 0xF1, 0x3F, 0x73,
        0x98, 0x0D, 0x40, 0x23, 0x8E, 0x3E, 0x21, 0xC1, 0x49, 0x34, 0xD0, 0x37, 0x56, 0x3D, 0x93, 0x0F,
        0x48, 0x19, 0x8A, 0x0A, 0xA7, 0xC1, 0x40, 0x58, 0x22, 0x94, 0x93, 0xD2, 0x25, 0x30, 0xF4, 0xDB,
        0xFA, 0x33, 0x6F, 0x6E, 0x0A, 0xC9, 0x25, 0x13, 0x95, 0x43, 0xAE, 0xD4, 0x4C, 0xCE, 0x7C, 0x37,
        0x20, 0xFD, 0x51, 0xF6, 0x94, 0x58, 0x70, 0x5A, 0xC6, 0x8C, 0xD4, 0xFE, 0x6B, 0x6B, 0x13, 0xAB,
        0xDC, 0x97, 0x46, 0x51, 0x29, 0x69, 0x32, 0x84, 0x54, 0xF1, 0x8F, 0xAF, 0x8C, 0x59, 0x5F, 0x64,
        0x24, 0x77, 0xFE, 0x96, 0xBB, 0x2A, 0x94, 0x1D, 0x5B, 0xCD, 0x1D, 0x4A, 0xC8, 0xCC, 0x49, 0x88,
        0x07, 0x08, 0xFA, 0x9B, 0x37, 0x8E, 0x3C, 0x4F, 0x3A, 0x90, 0x60, 0xBE, 0xE6, 0x7C, 0xF9, 0xA4,
        0xA4, 0xA6, 0x95, 0x81, 0x10, 0x51, 0x90, 0x7E, 0x16, 0x27, 0x53, 0xB5, 0x6B, 0x0F, 0x6B, 0x41,
        0x0D, 0xBA, 0x74, 0xD8, 0xA8, 0x4B, 0x2A, 0x14, 0xB3, 0x14, 0x4E, 0x0E, 0xF1, 0x28, 0x47, 0x54,
        0xFD, 0x17, 0xED, 0x95, 0x0D, 0x59, 0x65, 0xB4, 0xB9, 0xDD, 0x46, 0x58, 0x2D, 0xB1, 0x17, 0x8D,
        0x16, 0x9C, 0x6B, 0xC4, 0x65, 0xB0, 0xD6, 0xFF, 0x9C, 0xA3, 0x92, 0x8F, 0xEF, 0x5B, 0x9A, 0xE4,
        0xE4, 0x18, 0xFC, 0x15, 0xE8, 0x3E, 0xBE, 0xA0, 0xF8, 0x7F, 0xA9, 0xFF, 0x5E, 0xED, 0x70, 0x05,
        0x0D, 0xED, 0x28, 0x49, 0xF4, 0x7B, 0xF9, 0x59, 0xD9, 0x56, 0x85, 0x0C, 0xE9, 0x29, 0x85, 0x1F,
        0x0D, 0x81, 0x15, 0xF6, 0x35, 0xB1, 0x05, 0xEE, 0x2E, 0x4E, 0x15, 0xD0, 0x4B, 0x24, 0x54, 0xBF,
        0x6F, 0x4F, 0xAD, 0xF0, 0x34, 0xB1, 0x04, 0x03, 0x11, 0x9C, 0xD8, 0xE3, 0xB9, 0x2F, 0xCC, 0x5B,
    ];

    public static bool IsKnownTelegramPrime(ReadOnlySpan<byte> primeBigEndian) => primeBigEndian.SequenceEqual(KnownTelegramPrime);

    /// <summary>
    /// Throws <see cref="DhCheckException"/> unless dh_prime is a safe 2048-bit prime and g in 2..7 satisfies the
    /// residue condition. The known Telegram prime skips the primality tests (but not the g condition).
    /// </summary>
    public static void CheckPrimeAndGenerator(ReadOnlySpan<byte> primeBigEndian, int g, int rounds = DefaultRounds)
    {
        var failure = Validate(primeBigEndian, g, rounds);
        if (failure is { } reason)
        {
            throw new DhCheckException(reason);
        }
    }

    /// <summary>The first failed check, or null when p and g are good.</summary>
    public static DhCheckFailure? Validate(ReadOnlySpan<byte> primeBigEndian, int g, int rounds = DefaultRounds)
    {
        if (g is < 2 or > 7)
        {
            return DhCheckFailure.GeneratorOutOfRange;
        }

        var p = BigEndian.ToBigInteger(primeBigEndian);
        if (p.GetBitLength() != PrimeBits)
        {
            return DhCheckFailure.PrimeWrongSize;
        }

        if (!GeneratorMatchesPrime(p, g))
        {
            return DhCheckFailure.GeneratorNotQuadraticResidue;
        }

        if (!IsKnownTelegramPrime(primeBigEndian) && !IsSafePrime(p, rounds))
        {
            return DhCheckFailure.NotSafePrime;
        }

        return null;
    }

    /// <summary>Both p and (p-1)/2 pass Miller–Rabin (checked cheapest-first).</summary>
    public static bool IsSafePrime(BigInteger p, int rounds = DefaultRounds)
    {
        if (p < 5 || p % 4 != 3 && p != 5)
        {
            // Every safe prime above 5 is 3 mod 4 ((p-1)/2 is odd); 5 = 2·2+1 is the one exception.
            return false;
        }

        var half = (p - 1) / 2;
        return PrimeTest.IsProbablePrime(half, 2) && PrimeTest.IsProbablePrime(p, rounds) && PrimeTest.IsProbablePrime(half, rounds);
    }

    /// <summary>
    /// The spec's quadratic-reciprocity shortcuts: g=2: p mod 8 = 7; g=3: p mod 3 = 2; g=4: always; g=5: p mod 5 in
    /// {1,4}; g=6: p mod 24 in {19,23}; g=7: p mod 7 in {3,5,6}.
    /// </summary>
    public static bool GeneratorMatchesPrime(BigInteger p, int g) => g switch
    {
        2 => p % 8 == 7,
        3 => p % 3 == 2,
        4 => true,
        5 => (int)(p % 5) is 1 or 4,
        6 => (int)(p % 24) is 19 or 23,
        7 => (int)(p % 7) is 3 or 5 or 6,
        _ => false,
    };

    /// <summary>1 &lt; value &lt; p-1 and 2^(2048-64) ≤ value ≤ p - 2^(2048-64), for g_a, g_b and SRP's A and g_b.</summary>
    public static bool IsGoodPublicValue(BigInteger value, BigInteger p) =>
        value > BigInteger.One && value < p - 1 && value >= Margin && value <= p - Margin;

    public static void CheckPublicValue(BigInteger value, BigInteger p)
    {
        if (!IsGoodPublicValue(value, p))
        {
            throw new DhCheckException(DhCheckFailure.PublicValueOutOfRange);
        }
    }
}
