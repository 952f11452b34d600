namespace Signals.Detection.Codecs;

/// <summary>
/// Keccak-f[1600] constants from the Keccak reference (keccak.team, "Keccak-f[1600]" round constants and rotation
/// offsets; also FIPS 202 §3.2.2 Table 2 and §3.2.5). Lanes are indexed x + 5y, as in the specification.
/// </summary>
internal static class KeccakConstants
{
    public const int Rounds = 24;

    public static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    /// <summary>rho's rotation of lane (x, y), at index x + 5y.</summary>
    public static ReadOnlySpan<byte> RhoOffsets =>
    [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ];
}
