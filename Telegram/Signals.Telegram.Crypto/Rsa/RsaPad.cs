using System.Numerics;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>
/// RSA_PAD, the scheme that wraps p_q_inner_data in req_DH_params (/mtproto/auth_key, step 4.1):
/// data_with_padding = data + random (192 bytes); data_pad_reversed = reverse(data_with_padding);
/// data_with_hash = data_pad_reversed + SHA256(temp_key + data_with_padding) (224 bytes);
/// aes_encrypted = AES256-IGE(data_with_hash, temp_key, zero IV); temp_key_xor = temp_key XOR SHA256(aes_encrypted);
/// key_aes_encrypted = temp_key_xor + aes_encrypted (256 bytes), retried with a new temp_key while it is not
/// below the modulus; encrypted_data = key_aes_encrypted^e mod n as 256 big-endian bytes.
/// </summary>
public static class RsaPad
{
    public const int MaxDataLength = 144;
    public const int PaddedDataLength = 192;
    public const int BlockLength = 256;
    private const int TempKeyLength = 32;
    private const int HashLength = 32;
    private const int MaxAttempts = 64;

    /// <param name="random">Source of the padding and temp keys, in that order; null for the system generator.</param>
    public static byte[] Encrypt(ReadOnlySpan<byte> data, RsaPublicKey key, RandomNumberGenerator? random = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (data.Length > MaxDataLength)
        {
            throw new ArgumentException($"RSA_PAD carries at most {MaxDataLength} bytes, got {data.Length}.", nameof(data));
        }

        if (key.Modulus.GetByteCount(isUnsigned: true) != BlockLength)
        {
            throw new ArgumentException("RSA_PAD needs a 2048-bit modulus.", nameof(key));
        }

        var dataWithPadding = new byte[PaddedDataLength];
        data.CopyTo(dataWithPadding);
        Fill(random, dataWithPadding.AsSpan(data.Length));

        var block = new byte[BlockLength];
        var tempKey = block.AsSpan(0, TempKeyLength);
        var dataWithHash = block.AsSpan(TempKeyLength);
        Span<byte> hashInput = stackalloc byte[TempKeyLength + PaddedDataLength];
        Span<byte> hash = stackalloc byte[HashLength];
        Span<byte> zeroIv = stackalloc byte[AesIge.IvSize];
        zeroIv.Clear();

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            Fill(random, tempKey);
            dataWithPadding.CopyTo(dataWithHash);
            dataWithHash[..PaddedDataLength].Reverse();
            tempKey.CopyTo(hashInput);
            dataWithPadding.CopyTo(hashInput[TempKeyLength..]);
            SHA256.HashData(hashInput, dataWithHash[PaddedDataLength..]);

            AesIge.Encrypt(tempKey, zeroIv, dataWithHash, dataWithHash);
            SHA256.HashData(dataWithHash, hash);
            for (var i = 0; i < TempKeyLength; i++)
            {
                block[i] ^= hash[i];
            }

            var value = BigEndian.ToBigInteger(block);
            if (value < key.Modulus)
            {
                var encrypted = BigEndian.ToFixedBytes(BigInteger.ModPow(value, key.Exponent, key.Modulus), BlockLength);
                CryptographicOperations.ZeroMemory(block);
                CryptographicOperations.ZeroMemory(hashInput);
                return encrypted;
            }
        }

        throw new CryptographicException("RSA_PAD found no temp_key giving a block below the modulus.");
    }

    /// <summary>
    /// Server side: undoes RSA_PAD and returns data_with_padding (192 bytes; the TL object is read from its start).
    /// Throws <see cref="RsaPadException"/> for anything that is not a valid block for this key.
    /// </summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> encryptedData, RsaPrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (encryptedData.Length != BlockLength)
        {
            throw new RsaPadException($"encrypted_data must be {BlockLength} bytes, got {encryptedData.Length}.");
        }

        var cipher = BigEndian.ToBigInteger(encryptedData);
        if (cipher >= key.PublicKey.Modulus)
        {
            throw new RsaPadException("encrypted_data is not below the modulus.");
        }

        var block = BigEndian.ToFixedBytes(key.DecryptRaw(cipher), BlockLength);
        var tempKey = block.AsSpan(0, TempKeyLength);
        var aesEncrypted = block.AsSpan(TempKeyLength);
        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(aesEncrypted, hash);
        for (var i = 0; i < TempKeyLength; i++)
        {
            tempKey[i] ^= hash[i];
        }

        Span<byte> zeroIv = stackalloc byte[AesIge.IvSize];
        zeroIv.Clear();
        AesIge.Decrypt(tempKey, zeroIv, aesEncrypted, aesEncrypted);

        var dataWithPadding = aesEncrypted[..PaddedDataLength].ToArray();
        dataWithPadding.AsSpan().Reverse();
        Span<byte> hashInput = stackalloc byte[TempKeyLength + PaddedDataLength];
        tempKey.CopyTo(hashInput);
        dataWithPadding.CopyTo(hashInput[TempKeyLength..]);
        SHA256.HashData(hashInput, hash);
        var valid = CryptographicOperations.FixedTimeEquals(hash, aesEncrypted[PaddedDataLength..]);
        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(hashInput);
        if (!valid)
        {
            throw new RsaPadException("RSA_PAD hash does not match: wrong key or corrupted data.");
        }

        return dataWithPadding;
    }

    private static void Fill(RandomNumberGenerator? random, Span<byte> destination)
    {
        if (random is null)
        {
            RandomNumberGenerator.Fill(destination);
        }
        else
        {
            random.GetBytes(destination);
        }
    }
}
