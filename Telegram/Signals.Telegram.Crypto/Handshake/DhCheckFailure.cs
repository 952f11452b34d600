namespace Signals.Telegram.Crypto;

/// <summary>Which of the checks /mtproto/auth_key demands of DH parameters failed.</summary>
public enum DhCheckFailure
{
    /// <summary>g is not one of 2..7.</summary>
    GeneratorOutOfRange,

    /// <summary>dh_prime is not a 2048-bit number (2^2047 &lt; p &lt; 2^2048).</summary>
    PrimeWrongSize,

    /// <summary>p or (p-1)/2 is not prime.</summary>
    NotSafePrime,

    /// <summary>g does not generate the subgroup of order (p-1)/2 (the residue condition on p mod 4g fails).</summary>
    GeneratorNotQuadraticResidue,

    /// <summary>g_a, g_b (or an SRP value) is outside 1 &lt; x &lt; p-1 or the 2^(2048-64) margins.</summary>
    PublicValueOutOfRange,
}
