using System.Numerics;

namespace Signals.Telegram.Crypto;

/// <summary>The password side of SRP: x = PH2(password) and the verifier v = g^x mod p that a server stores.</summary>
public static class SrpPassword
{
    /// <summary>PH2 (32 bytes). Slow on purpose: 100 000 PBKDF2-HMAC-SHA512 iterations.</summary>
    public static byte[] ComputeHash(SrpAlgorithm algorithm, string password)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(password);
        return SrpMath.PasswordHash(algorithm, password);
    }

    /// <summary>v = g^x mod p as 256 bytes (what account.passwordInputSettings new_password_hash carries).</summary>
    public static byte[] ComputeVerifier(SrpAlgorithm algorithm, ReadOnlySpan<byte> passwordHash)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var p = BigEndian.ToBigInteger(algorithm.P);
        var x = BigEndian.ToBigInteger(passwordHash);
        return SrpMath.Pad(BigInteger.ModPow(algorithm.G, x, p));
    }
}
