namespace Signals.Detection.Codecs;

/// <summary>CRC-16/XMODEM (poly 0x1021, init 0, no reflection), the checksum of TON user-friendly addresses.</summary>
internal static class Crc16Xmodem
{
    // One table step per byte instead of eight data-dependent branches per byte, which the CPU mispredicts about
    // half the time: the bitwise form cost more than the rest of a TON address check.
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var table = Table;
        var crc = 0;
        foreach (var b in data)
        {
            crc = ((crc << 8) ^ table[((crc >> 8) ^ b) & 0xFF]) & 0xFFFF;
        }

        return (ushort)crc;
    }

    /// <summary>The bitwise definition, kept as the reference the table is built from (and tested against).</summary>
    internal static ushort ComputeBitwise(ReadOnlySpan<byte> data)
    {
        var crc = 0;
        foreach (var b in data)
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }

        return (ushort)crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = ComputeBitwise([(byte)i]);
        }

        return table;
    }
}
