using System.IO.Compression;

namespace Signals.Telegram.Tl.Serialization;

/// <summary>gzip for gzip_packed, with a cap on the inflated size so a small bomb cannot exhaust memory.</summary>
public static class TlGzip
{
    public static byte[] Inflate(ReadOnlySpan<byte> packed, int maxBytes)
    {
        try
        {
            using var input = new MemoryStream(packed.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new TlReadException($"gzip_packed inflates beyond the {maxBytes}-byte limit.");
                }

                output.Write(chunk, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new TlReadException("gzip_packed holds invalid gzip data.", ex);
        }
    }

    public static byte[] Deflate(ReadOnlySpan<byte> plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return output.ToArray();
    }
}
