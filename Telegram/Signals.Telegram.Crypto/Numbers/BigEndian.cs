using System.Numerics;

namespace Signals.Telegram.Crypto;

/// <summary>MTProto writes big numbers (p, q, g_a, dh_prime, SRP values) as unsigned big-endian byte strings.</summary>
public static class BigEndian
{
    public static BigInteger ToBigInteger(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    /// <summary>The minimal unsigned big-endian encoding (as TL "bytes" carry p, q and pq).</summary>
    public static byte[] ToBytes(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Only non-negative numbers have an unsigned encoding.");
        }

        return value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    /// <summary>The encoding left-padded with zeros to exactly <paramref name="length"/> bytes.</summary>
    public static byte[] ToFixedBytes(BigInteger value, int length)
    {
        var result = new byte[length];
        WriteFixed(value, result);
        return result;
    }

    public static void WriteFixed(BigInteger value, Span<byte> destination)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Only non-negative numbers have an unsigned encoding.");
        }

        var length = value.GetByteCount(isUnsigned: true);
        if (length > destination.Length)
        {
            throw new ArgumentException($"The number needs {length} bytes, only {destination.Length} available.", nameof(destination));
        }

        destination[..^length].Clear();
        value.TryWriteBytes(destination[^length..], out _, isUnsigned: true, isBigEndian: true);
    }
}
