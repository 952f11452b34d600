namespace Signals.Detection.Codecs;

/// <summary>EIP-55 mixed-case checksums for 20-byte EVM addresses (eips.ethereum.org/EIPS/eip-55).</summary>
internal static class Eip55
{
    /// <summary>
    /// Validates "0x" + 40 hex and returns its checksummed form. All-lower or all-upper hex carries no checksum
    /// and is accepted; mixed case must match the checksum exactly.
    /// </summary>
    public static bool TryNormalize(ReadOnlySpan<char> text, out string checksummed)
    {
        checksummed = string.Empty;
        if (text.Length != 42 || text[0] != '0' || text[1] != 'x')
        {
            return false;
        }

        var hex = text[2..];
        bool hasUpper = false, hasLower = false;
        foreach (var ch in hex)
        {
            if (ch is >= '0' and <= '9')
            {
                continue;
            }

            if (ch is >= 'a' and <= 'f')
            {
                hasLower = true;
            }
            else if (ch is >= 'A' and <= 'F')
            {
                hasUpper = true;
            }
            else
            {
                return false;
            }
        }

        var expected = Checksum(hex);
        if (hasUpper && hasLower && !hex.SequenceEqual(expected.AsSpan(2)))
        {
            return false;
        }

        checksummed = expected;
        return true;
    }

    /// <summary>Applies the checksum to 40 hex characters of any case; returns "0x" + the mixed-case form.</summary>
    public static string Checksum(ReadOnlySpan<char> hex40)
    {
        // A post often names one contract twice (in the text and in its chart link), and the hash is most of the
        // cost of a check: the last result on this thread answers a repeat, in any letter case.
        if (_last is { } last && hex40.Equals(last.AsSpan(2), StringComparison.OrdinalIgnoreCase))
        {
            return last;
        }

        var checksummed = Compute(hex40);
        _last = checksummed;
        return checksummed;
    }

    [ThreadStatic]
    private static string? _last;

    private static string Compute(ReadOnlySpan<char> hex40)
    {
        Span<byte> lower = stackalloc byte[40];
        for (var i = 0; i < 40; i++)
        {
            lower[i] = (byte)char.ToLowerInvariant(hex40[i]);
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(lower, hash);

        Span<char> chars = stackalloc char[42];
        chars[0] = '0';
        chars[1] = 'x';
        for (var i = 0; i < 40; i++)
        {
            var c = (char)lower[i];
            // Nibble i of the hash decides the case of hex letter i: 8 or more means upper case.
            var nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0x0F;
            chars[i + 2] = c is >= 'a' and <= 'f' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
        }

        return new string(chars);
    }
}
