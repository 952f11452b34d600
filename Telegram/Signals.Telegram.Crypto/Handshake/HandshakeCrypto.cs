using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>
/// The symmetric pieces of auth key creation (/mtproto/auth_key): the temporary AES key from the nonces, the
/// SHA1-prefixed encryption of server_DH_inner_data / client_DH_inner_data, new_nonce_hash1/2/3 and the first salt.
/// Nonces are passed as their 16/32 raw TL bytes.
/// </summary>
public static class HandshakeCrypto
{
    public const int NonceSize = 16;
    public const int NewNonceSize = 32;
    private const int Sha1Size = 20;

    /// <summary>
    /// tmp_aes_key = SHA1(new_nonce + server_nonce) + SHA1(server_nonce + new_nonce)[0..12];
    /// tmp_aes_iv = SHA1(server_nonce + new_nonce)[12..20] + SHA1(new_nonce + new_nonce) + new_nonce[0..4].
    /// </summary>
    public static void DeriveTempAesKeyIv(ReadOnlySpan<byte> serverNonce, ReadOnlySpan<byte> newNonce, Span<byte> key, Span<byte> iv)
    {
        CheckNonce(serverNonce, NonceSize, nameof(serverNonce));
        CheckNonce(newNonce, NewNonceSize, nameof(newNonce));
        if (key.Length < AesIge.KeySize || iv.Length < AesIge.IvSize)
        {
            throw new ArgumentException("Key and IV need 32 bytes each.");
        }

        Span<byte> input = stackalloc byte[NewNonceSize * 2];
        Span<byte> newServer = stackalloc byte[Sha1Size];
        Span<byte> serverNew = stackalloc byte[Sha1Size];

        newNonce.CopyTo(input);
        serverNonce.CopyTo(input[NewNonceSize..]);
        SHA1.HashData(input[..(NewNonceSize + NonceSize)], newServer);

        serverNonce.CopyTo(input);
        newNonce.CopyTo(input[NonceSize..]);
        SHA1.HashData(input[..(NewNonceSize + NonceSize)], serverNew);

        newServer.CopyTo(key);
        serverNew[..12].CopyTo(key[Sha1Size..]);

        serverNew[12..].CopyTo(iv);
        newNonce.CopyTo(input);
        newNonce.CopyTo(input[NewNonceSize..]);
        SHA1.HashData(input, iv.Slice(8, Sha1Size));
        newNonce[..4].CopyTo(iv[28..]);

        CryptographicOperations.ZeroMemory(input);
    }

    /// <summary>new_nonce_hash1/2/3: the low 128 bits of SHA1(new_nonce + byte(number) + auth_key_aux_hash).</summary>
    public static byte[] ComputeNewNonceHash(ReadOnlySpan<byte> newNonce, int number, long authKeyAuxHash)
    {
        CheckNonce(newNonce, NewNonceSize, nameof(newNonce));
        if (number is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "new_nonce_hash is numbered 1 (ok), 2 (retry) or 3 (fail).");
        }

        Span<byte> input = stackalloc byte[NewNonceSize + 1 + 8];
        newNonce.CopyTo(input);
        input[NewNonceSize] = (byte)number;
        BinaryPrimitives.WriteInt64LittleEndian(input[(NewNonceSize + 1)..], authKeyAuxHash);
        Span<byte> hash = stackalloc byte[Sha1Size];
        SHA1.HashData(input, hash);
        return hash[4..].ToArray();
    }

    /// <summary>The new_nonce_hash of server_DH_params_fail: the low 128 bits of SHA1(new_nonce).</summary>
    public static byte[] ComputeParamsFailNonceHash(ReadOnlySpan<byte> newNonce)
    {
        CheckNonce(newNonce, NewNonceSize, nameof(newNonce));
        Span<byte> hash = stackalloc byte[Sha1Size];
        SHA1.HashData(newNonce, hash);
        return hash[4..].ToArray();
    }

    /// <summary>The first server_salt: new_nonce[0..8] XOR server_nonce[0..8], as a TL long.</summary>
    public static long ComputeServerSalt(ReadOnlySpan<byte> newNonce, ReadOnlySpan<byte> serverNonce)
    {
        CheckNonce(newNonce, NewNonceSize, nameof(newNonce));
        CheckNonce(serverNonce, NonceSize, nameof(serverNonce));
        return BinaryPrimitives.ReadInt64LittleEndian(newNonce) ^ BinaryPrimitives.ReadInt64LittleEndian(serverNonce);
    }

    /// <summary>AES-IGE(SHA1(data) + data + padding) with explicit padding that makes the total a multiple of 16.</summary>
    public static byte[] EncryptWithHash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> padding, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        var length = Sha1Size + data.Length + padding.Length;
        if (padding.Length > 15 || length % 16 != 0)
        {
            throw new ArgumentException($"Padding must be 0..15 bytes and align the total to 16; got {padding.Length}.", nameof(padding));
        }

        var buffer = new byte[length];
        SHA1.HashData(data, buffer);
        data.CopyTo(buffer.AsSpan(Sha1Size));
        padding.CopyTo(buffer.AsSpan(Sha1Size + data.Length));
        AesIge.Encrypt(key, iv, buffer, buffer);
        return buffer;
    }

    /// <summary>As <see cref="EncryptWithHash(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> with random padding.</summary>
    public static byte[] EncryptWithHash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        Span<byte> padding = stackalloc byte[(16 - ((Sha1Size + data.Length) % 16)) % 16];
        RandomNumberGenerator.Fill(padding);
        return EncryptWithHash(data, padding, key, iv);
    }

    /// <summary>
    /// Decrypts SHA1(data) + data + padding(0..15) and finds the data by the hash, so no TL parsing is needed to
    /// know where the data ends. False when the input is misaligned or no length matches the hash.
    /// </summary>
    public static bool TryDecryptWithHash(ReadOnlySpan<byte> encrypted, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, out byte[] data)
    {
        data = [];
        if (encrypted.Length < 32 || encrypted.Length % 16 != 0)
        {
            return false;
        }

        var plain = AesIge.Decrypt(key, iv, encrypted);
        var expected = plain.AsSpan(0, Sha1Size);
        Span<byte> actual = stackalloc byte[Sha1Size];
        for (var padding = 0; padding < 16; padding++)
        {
            var dataLength = plain.Length - Sha1Size - padding;
            if (dataLength < 0)
            {
                break;
            }

            SHA1.HashData(plain.AsSpan(Sha1Size, dataLength), actual);
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                data = plain.AsSpan(Sha1Size, dataLength).ToArray();
                return true;
            }
        }

        return false;
    }

    private static void CheckNonce(ReadOnlySpan<byte> nonce, int size, string name)
    {
        if (nonce.Length != size)
        {
            throw new ArgumentException($"Expected {size} bytes, got {nonce.Length}.", name);
        }
    }
}
