namespace Signals.Telegram.Crypto;

/// <summary>
/// AES-256 in Infinite Garble Extension mode, as MTProto uses it: a 32-byte key and a 32-byte IV whose first half is
/// the "previous ciphertext block" and second half the "previous plaintext block" for the first block.
/// Source and destination may be the same buffer (in-place); any other overlap is not supported.
/// </summary>
public static class AesIge
{
    public const int KeySize = 32;
    public const int IvSize = 32;
    public const int BlockSize = 16;

    /// <summary>Whether the hardware (AES-NI) path is in use; otherwise a slower path over the platform's AES.</summary>
    public static bool IsHardwareAccelerated => AesNiIge.IsSupported;

    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Validate(key, iv, source, destination);
        if (AesNiIge.IsSupported)
        {
            AesNiIge.Encrypt(key, iv, source, destination);
        }
        else
        {
            PlatformAesIge.Encrypt(key, iv, source, destination);
        }
    }

    public static void Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Validate(key, iv, source, destination);
        if (AesNiIge.IsSupported)
        {
            AesNiIge.Decrypt(key, iv, source, destination);
        }
        else
        {
            PlatformAesIge.Decrypt(key, iv, source, destination);
        }
    }

    /// <summary>Encrypts into a new array; <paramref name="source"/> must already be a whole number of blocks.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source)
    {
        var result = new byte[source.Length];
        Encrypt(key, iv, source, result);
        return result;
    }

    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source)
    {
        var result = new byte[source.Length];
        Decrypt(key, iv, source, result);
        return result;
    }

    internal static void Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"AES-256-IGE needs a {KeySize}-byte key, got {key.Length}.", nameof(key));
        }

        if (iv.Length != IvSize)
        {
            throw new ArgumentException($"AES-256-IGE needs a {IvSize}-byte IV, got {iv.Length}.", nameof(iv));
        }

        if (source.Length % BlockSize != 0)
        {
            throw new ArgumentException($"IGE input must be a multiple of {BlockSize} bytes, got {source.Length}.", nameof(source));
        }

        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }
    }
}
