using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>
/// The MTProto 2.0 key derivation for encrypted messages:
/// msg_key_large = SHA256(auth_key[88+x .. 120+x] + plaintext), msg_key = msg_key_large[8..24];
/// sha256_a = SHA256(msg_key + auth_key[x .. x+36]), sha256_b = SHA256(auth_key[40+x .. 76+x] + msg_key);
/// aes_key = a[0..8] + b[8..24] + a[24..32], aes_iv = b[0..8] + a[8..24] + b[24..32].
/// </summary>
public static class MtprotoKdf
{
    public const int MessageKeySize = 16;

    // One hash object per thread: msg_key is computed twice per message, and creating the object each time costs
    // an allocation and a native context. GetHashAndReset leaves it clean for the next message.
    [ThreadStatic]
    private static IncrementalHash? t_messageKeyHash;

    public static void ComputeMessageKey(ReadOnlySpan<byte> authKey, MessageDirection direction, ReadOnlySpan<byte> plaintext, Span<byte> messageKey)
    {
        CheckAuthKey(authKey);
        if (messageKey.Length < MessageKeySize)
        {
            throw new ArgumentException($"msg_key needs {MessageKeySize} bytes.", nameof(messageKey));
        }

        var x = (int)direction;
        var sha = t_messageKeyHash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(authKey.Slice(88 + x, 32));
        sha.AppendData(plaintext);
        Span<byte> large = stackalloc byte[32];
        sha.GetHashAndReset(large);
        large.Slice(8, MessageKeySize).CopyTo(messageKey);
    }

    public static void DeriveAesKeyIv(ReadOnlySpan<byte> authKey, MessageDirection direction, ReadOnlySpan<byte> messageKey, Span<byte> aesKey, Span<byte> aesIv)
    {
        CheckAuthKey(authKey);
        if (messageKey.Length != MessageKeySize)
        {
            throw new ArgumentException($"msg_key is {MessageKeySize} bytes.", nameof(messageKey));
        }

        if (aesKey.Length < AesIge.KeySize || aesIv.Length < AesIge.IvSize)
        {
            throw new ArgumentException("AES key and IV need 32 bytes each.");
        }

        var x = (int)direction;
        Span<byte> input = stackalloc byte[MessageKeySize + 36];
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];

        messageKey.CopyTo(input);
        authKey.Slice(x, 36).CopyTo(input[MessageKeySize..]);
        SHA256.HashData(input, a);

        authKey.Slice(40 + x, 36).CopyTo(input);
        messageKey.CopyTo(input[36..]);
        SHA256.HashData(input, b);

        a[..8].CopyTo(aesKey);
        b.Slice(8, 16).CopyTo(aesKey[8..]);
        a.Slice(24, 8).CopyTo(aesKey[24..]);

        b[..8].CopyTo(aesIv);
        a.Slice(8, 16).CopyTo(aesIv[8..]);
        b.Slice(24, 8).CopyTo(aesIv[24..]);

        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(a);
        CryptographicOperations.ZeroMemory(b);
    }

    private static void CheckAuthKey(ReadOnlySpan<byte> authKey)
    {
        if (authKey.Length != AuthKey.Size)
        {
            throw new ArgumentException($"An auth key is {AuthKey.Size} bytes, got {authKey.Length}.", nameof(authKey));
        }
    }
}
