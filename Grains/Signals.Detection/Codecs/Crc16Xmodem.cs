namespace Signals.Detection.Codecs;

/// <summary>CRC-16/XMODEM (poly 0x1021, init 0, no reflection), the checksum of TON user-friendly addresses.</summary>
internal static class Crc16Xmodem
{
    public static ushort Compute(ReadOnlySpan<byte> data)
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
}
