using System.Runtime.Intrinsics;

namespace Signals.Detection.Scanning;

/// <summary>
/// Builds the two halves of a 128-entry byte table indexed by a 7-bit ASCII code, the form AVX-512 VBMI's
/// two-register byte look-up (<c>vpermi2b</c>) reads: codes 0–63 in the first register, 64–127 in the second.
/// </summary>
internal static class AsciiTable
{
    /// <summary>The 64 entries from <paramref name="firstCode"/> (0 or 64).</summary>
    public static Vector512<byte> Half(int firstCode, Func<char, byte> entry)
    {
        Span<byte> table = stackalloc byte[64];
        for (var k = 0; k < 64; k++)
        {
            table[k] = entry((char)(firstCode + k));
        }

        return Vector512.Create((ReadOnlySpan<byte>)table);
    }
}
