using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Signals.Detection.Codecs;

/// <summary>CRC-16/XMODEM (poly 0x1021, init 0, no reflection), the checksum of TON user-friendly addresses.</summary>
internal static class Crc16Xmodem
{
    // Slicing by 8: eight tables, where table k holds the CRC of one byte followed by k zero bytes. Eight bytes then
    // cost eight independent look-ups instead of a chain of eight dependent ones (each waiting for the previous
    // load), which made one 34-byte check cost more than the rest of a TON address check. The bitwise form below,
    // the definition, builds the tables and is what the tests compare against.
    private const int Slices = 8;
    private static readonly ushort[] Tables = BuildTables();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ref var t = ref MemoryMarshal.GetArrayDataReference(Tables);
        var crc = 0;
        var i = 0;
        for (; i + Slices <= data.Length; i += Slices)
        {
            var c = crc ^ ((data[i] << 8) | data[i + 1]);
            crc = At(ref t, 7, c >> 8) ^ At(ref t, 6, c & 0xFF)
                ^ At(ref t, 5, data[i + 2]) ^ At(ref t, 4, data[i + 3])
                ^ At(ref t, 3, data[i + 4]) ^ At(ref t, 2, data[i + 5])
                ^ At(ref t, 1, data[i + 6]) ^ At(ref t, 0, data[i + 7]);
        }

        for (; i < data.Length; i++)
        {
            crc = ((crc << 8) ^ At(ref t, 0, (crc >> 8) ^ data[i])) & 0xFFFF;
        }

        return (ushort)crc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int At(ref ushort tables, int slice, int index) => Unsafe.Add(ref tables, (slice * 256) + (index & 0xFF));

    /// <summary>The bitwise definition, kept as the reference the tables are built from (and tested against).</summary>
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

    private static ushort[] BuildTables()
    {
        var tables = new ushort[Slices * 256];
        for (var v = 0; v < 256; v++)
        {
            tables[v] = ComputeBitwise([(byte)v]);
        }

        for (var k = 1; k < Slices; k++)
        {
            for (var v = 0; v < 256; v++)
            {
                // One more zero byte after table k-1's input.
                var previous = tables[((k - 1) * 256) + v];
                tables[(k * 256) + v] = (ushort)((previous << 8) ^ tables[previous >> 8]);
            }
        }

        return tables;
    }
}
