using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>
/// IGE over the platform's AES (one ECB block at a time) for machines without AES-NI. One key setup per call,
/// two 16-byte stack buffers, no allocation per block.
/// </summary>
internal static class PlatformAesIge
{
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.SetKey(key);
        Span<byte> previousCipher = stackalloc byte[16];
        Span<byte> previousPlain = stackalloc byte[16];
        Span<byte> block = stackalloc byte[16];
        iv[..16].CopyTo(previousCipher);
        iv[16..].CopyTo(previousPlain);

        for (var offset = 0; offset < source.Length; offset += 16)
        {
            var plain = source.Slice(offset, 16);
            Xor(plain, previousCipher, block);
            plain.CopyTo(previousCipher); // previousCipher is free now: park the plaintext before an in-place write.
            aes.EncryptEcb(block, block, PaddingMode.None);
            var output = destination.Slice(offset, 16);
            Xor(block, previousPlain, output);
            previousCipher.CopyTo(previousPlain);
            output.CopyTo(previousCipher);
        }

        CryptographicOperations.ZeroMemory(block);
    }

    public static void Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.SetKey(key);
        Span<byte> previousCipher = stackalloc byte[16];
        Span<byte> previousPlain = stackalloc byte[16];
        Span<byte> block = stackalloc byte[16];
        iv[..16].CopyTo(previousCipher);
        iv[16..].CopyTo(previousPlain);

        for (var offset = 0; offset < source.Length; offset += 16)
        {
            var cipher = source.Slice(offset, 16);
            Xor(cipher, previousPlain, block);
            cipher.CopyTo(previousPlain); // previousPlain is free now: park the ciphertext before an in-place write.
            aes.DecryptEcb(block, block, PaddingMode.None);
            var output = destination.Slice(offset, 16);
            Xor(block, previousCipher, output);
            previousPlain.CopyTo(previousCipher);
            output.CopyTo(previousPlain);
        }

        CryptographicOperations.ZeroMemory(block);
    }

    private static void Xor(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        for (var i = 0; i < 16; i++)
        {
            destination[i] = (byte)(left[i] ^ right[i]);
        }
    }
}
