using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Signals.Telegram.Crypto;

/// <summary>
/// The shared formulas of /api/srp. H = SHA256; SH(data, salt) = H(salt | data | salt);
/// PH1 = SH(SH(password, salt1), salt2); PH2 = SH(PBKDF2-HMAC-SHA512(PH1, salt1, 100000), salt2); x = PH2;
/// k = H(p | g); u = H(A | B); M1 = H(H(p) xor H(g) | H(salt1) | H(salt2) | A | B | K) — all numbers 256 bytes.
/// </summary>
internal static class SrpMath
{
    public const int NumberSize = 256;
    public const int Iterations = 100_000;

    public static byte[] PasswordHash(SrpAlgorithm algorithm, string password)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var ph1 = SaltedHash(SaltedHash(passwordBytes, algorithm.Salt1), algorithm.Salt2);
        var stretched = new byte[64];
        Rfc2898DeriveBytes.Pbkdf2(ph1, algorithm.Salt1, stretched, Iterations, HashAlgorithmName.SHA512);
        var ph2 = SaltedHash(stretched, algorithm.Salt2);
        CryptographicOperations.ZeroMemory(passwordBytes);
        CryptographicOperations.ZeroMemory(ph1);
        CryptographicOperations.ZeroMemory(stretched);
        return ph2;
    }

    public static byte[] SaltedHash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> salt)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(salt);
        sha.AppendData(data);
        sha.AppendData(salt);
        return sha.GetHashAndReset();
    }

    public static byte[] Pad(BigInteger value) => BigEndian.ToFixedBytes(value, NumberSize);

    public static byte[] Pad(ReadOnlySpan<byte> bigEndian) => Pad(BigEndian.ToBigInteger(bigEndian));

    public static BigInteger HashToNumber(params byte[][] parts) => BigEndian.ToBigInteger(Hash(parts));

    public static byte[] Hash(params byte[][] parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(part);
        }

        return sha.GetHashAndReset();
    }

    public static BigInteger Multiplier(byte[] paddedP, int g) => HashToNumber(paddedP, Pad(g));

    public static byte[] ClientProof(SrpAlgorithm algorithm, byte[] paddedP, byte[] paddedA, byte[] paddedB, BigInteger s)
    {
        var pHash = SHA256.HashData(paddedP);
        var gHash = SHA256.HashData(Pad(algorithm.G));
        for (var i = 0; i < pHash.Length; i++)
        {
            pHash[i] ^= gHash[i];
        }

        var k = SHA256.HashData(Pad(s));
        return Hash(pHash, SHA256.HashData(algorithm.Salt1), SHA256.HashData(algorithm.Salt2), paddedA, paddedB, k);
    }

    public static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }

    public static BigInteger CheckedPrime(SrpAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var failure = DhChecks.Validate(algorithm.P, algorithm.G);
        if (failure is not null)
        {
            throw new SrpException($"SRP prime/generator rejected: {failure}.");
        }

        return BigEndian.ToBigInteger(algorithm.P);
    }
}
