namespace Signals.Telegram.Crypto;

/// <summary>
/// The TL "bytes" encoding, needed here only for RSA key fingerprints (this layer sits below the TL library):
/// a 1-byte length (or 0xFE + 3-byte length from 254 on), the data, zero padding to a multiple of 4.
/// </summary>
internal static class TlBytes
{
    public static int GetLength(int dataLength)
    {
        var header = dataLength <= 253 ? 1 : 4;
        return (header + dataLength + 3) & ~3;
    }

    public static int Write(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var total = GetLength(data.Length);
        destination[..total].Clear();
        int header;
        if (data.Length <= 253)
        {
            destination[0] = (byte)data.Length;
            header = 1;
        }
        else
        {
            destination[0] = 254;
            destination[1] = (byte)data.Length;
            destination[2] = (byte)(data.Length >> 8);
            destination[3] = (byte)(data.Length >> 16);
            header = 4;
        }

        data.CopyTo(destination[header..]);
        return total;
    }
}
