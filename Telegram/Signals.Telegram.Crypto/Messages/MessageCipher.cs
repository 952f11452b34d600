using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>
/// Encryption and decryption of whole MTProto 2.0 messages:
/// auth_key_id (8) + msg_key (16) + AES-IGE(salt, session_id, msg_id, seq_no, length, body, padding 12..1024).
/// </summary>
public static class MessageCipher
{
    /// <summary>auth_key_id + msg_key in front of the encrypted part.</summary>
    public const int OuterHeaderSize = 24;
    public const int MinPadding = 12;
    public const int MaxPadding = 1024;

    /// <summary>32 header bytes + 12 bytes of padding, rounded up to whole blocks.</summary>
    public const int MinEncryptedPartSize = 48;
    public const int MinMessageSize = OuterHeaderSize + MinEncryptedPartSize;

    /// <summary>
    /// The padding for a body: the smallest that reaches 12 bytes and block alignment, plus
    /// <paramref name="extraBlocks"/> × 16 bytes to hide the real length (capped so padding stays within 1024).
    /// </summary>
    public static int GetPaddingLength(int bodyLength, int extraBlocks = 0)
    {
        CheckBodyLength(bodyLength);
        ArgumentOutOfRangeException.ThrowIfNegative(extraBlocks);
        var unpadded = MessageEnvelope.BodyOffset + bodyLength;
        var padding = MinPadding + ((16 - ((unpadded + MinPadding) % 16)) % 16);
        var maxExtra = (MaxPadding - padding) / 16;
        return padding + (16 * Math.Min(extraBlocks, maxExtra));
    }

    public static int GetMessageLength(int bodyLength, int paddingLength) =>
        OuterHeaderSize + MessageEnvelope.BodyOffset + bodyLength + paddingLength;

    /// <summary>Reads auth_key_id from a message so a server can pick the key before decrypting.</summary>
    public static bool TryReadAuthKeyId(ReadOnlySpan<byte> message, out long authKeyId)
    {
        if (message.Length < 8)
        {
            authKeyId = 0;
            return false;
        }

        authKeyId = BinaryPrimitives.ReadInt64LittleEndian(message);
        return true;
    }

    /// <summary>
    /// Writes the encrypted message to <paramref name="destination"/> and returns its length.
    /// The caller supplies the padding bytes (random in production; fixed in tests).
    /// </summary>
    public static int Encrypt(
        AuthKey authKey,
        MessageDirection direction,
        MessageHeader header,
        ReadOnlySpan<byte> body,
        ReadOnlySpan<byte> padding,
        Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(authKey);
        CheckBodyLength(body.Length);
        var plainLength = MessageEnvelope.BodyOffset + body.Length + padding.Length;
        if (padding.Length is < MinPadding or > MaxPadding || plainLength % 16 != 0)
        {
            throw new ArgumentException(
                $"Padding must be {MinPadding}..{MaxPadding} bytes and make the plaintext a multiple of 16; got {padding.Length}.",
                nameof(padding));
        }

        var total = OuterHeaderSize + plainLength;
        if (destination.Length < total)
        {
            throw new ArgumentException($"Destination needs {total} bytes.", nameof(destination));
        }

        // Build the plaintext where the ciphertext will go, then encrypt it in place.
        var plain = destination.Slice(OuterHeaderSize, plainLength);
        BinaryPrimitives.WriteInt64LittleEndian(plain, header.Salt);
        BinaryPrimitives.WriteInt64LittleEndian(plain[8..], header.SessionId);
        BinaryPrimitives.WriteInt64LittleEndian(plain[16..], header.MessageId);
        BinaryPrimitives.WriteInt32LittleEndian(plain[24..], header.SeqNo);
        BinaryPrimitives.WriteInt32LittleEndian(plain[28..], body.Length);
        body.CopyTo(plain[MessageEnvelope.BodyOffset..]);
        padding.CopyTo(plain[(MessageEnvelope.BodyOffset + body.Length)..]);

        BinaryPrimitives.WriteInt64LittleEndian(destination, authKey.Id);
        var messageKey = destination.Slice(8, MtprotoKdf.MessageKeySize);
        MtprotoKdf.ComputeMessageKey(authKey.Key, direction, plain, messageKey);

        Span<byte> aesKey = stackalloc byte[AesIge.KeySize];
        Span<byte> aesIv = stackalloc byte[AesIge.IvSize];
        MtprotoKdf.DeriveAesKeyIv(authKey.Key, direction, messageKey, aesKey, aesIv);
        AesIge.Encrypt(aesKey, aesIv, plain, plain);
        CryptographicOperations.ZeroMemory(aesKey);
        CryptographicOperations.ZeroMemory(aesIv);
        return total;
    }

    /// <summary>Encrypts with fresh random padding (<paramref name="extraPaddingBlocks"/> as in <see cref="GetPaddingLength"/>).</summary>
    public static byte[] Encrypt(
        AuthKey authKey,
        MessageDirection direction,
        MessageHeader header,
        ReadOnlySpan<byte> body,
        int extraPaddingBlocks = 0)
    {
        var paddingLength = GetPaddingLength(body.Length, extraPaddingBlocks);
        Span<byte> padding = stackalloc byte[paddingLength];
        RandomNumberGenerator.Fill(padding);
        var result = new byte[GetMessageLength(body.Length, paddingLength)];
        Encrypt(authKey, direction, header, body, padding, result);
        return result;
    }

    /// <summary>
    /// Decrypts and checks a message without throwing on hostile input. <paramref name="plaintext"/> needs
    /// <c>message.Length - 24</c> bytes; it may be the very memory at <c>message[24..]</c> (in-place decryption).
    /// On success the body is <c>plaintext[envelope.BodyRange]</c>. Nothing is allocated.
    /// </summary>
    public static MessageDecryptStatus TryDecrypt(
        AuthKey authKey,
        MessageDirection direction,
        ReadOnlySpan<byte> message,
        Span<byte> plaintext,
        out MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(authKey);
        envelope = default;
        if (message.Length < MinMessageSize)
        {
            return MessageDecryptStatus.TooShort;
        }

        var encrypted = message[OuterHeaderSize..];
        if (encrypted.Length % 16 != 0)
        {
            return MessageDecryptStatus.NotBlockAligned;
        }

        if (BinaryPrimitives.ReadInt64LittleEndian(message) != authKey.Id)
        {
            return MessageDecryptStatus.AuthKeyMismatch;
        }

        if (plaintext.Length < encrypted.Length)
        {
            throw new ArgumentException($"Plaintext buffer needs {encrypted.Length} bytes.", nameof(plaintext));
        }

        // Copy msg_key out first: with in-place decryption the caller's buffer may be overwritten below.
        Span<byte> messageKey = stackalloc byte[MtprotoKdf.MessageKeySize];
        message.Slice(8, MtprotoKdf.MessageKeySize).CopyTo(messageKey);

        Span<byte> aesKey = stackalloc byte[AesIge.KeySize];
        Span<byte> aesIv = stackalloc byte[AesIge.IvSize];
        MtprotoKdf.DeriveAesKeyIv(authKey.Key, direction, messageKey, aesKey, aesIv);
        var plain = plaintext[..encrypted.Length];
        AesIge.Decrypt(aesKey, aesIv, encrypted, plain);
        CryptographicOperations.ZeroMemory(aesKey);
        CryptographicOperations.ZeroMemory(aesIv);

        Span<byte> expectedKey = stackalloc byte[MtprotoKdf.MessageKeySize];
        MtprotoKdf.ComputeMessageKey(authKey.Key, direction, plain, expectedKey);
        if (!CryptographicOperations.FixedTimeEquals(messageKey, expectedKey))
        {
            return MessageDecryptStatus.MessageKeyMismatch;
        }

        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(plain[28..]);
        var padding = plain.Length - MessageEnvelope.BodyOffset - bodyLength;
        if (bodyLength < 0 || bodyLength % 4 != 0 || padding < MinPadding || padding > MaxPadding)
        {
            return MessageDecryptStatus.InvalidLength;
        }

        var header = new MessageHeader(
            Salt: BinaryPrimitives.ReadInt64LittleEndian(plain),
            SessionId: BinaryPrimitives.ReadInt64LittleEndian(plain[8..]),
            MessageId: BinaryPrimitives.ReadInt64LittleEndian(plain[16..]),
            SeqNo: BinaryPrimitives.ReadInt32LittleEndian(plain[24..]));
        envelope = new MessageEnvelope(header, bodyLength);
        return MessageDecryptStatus.Success;
    }

    /// <summary>Decrypts into a new body array; throws <see cref="MessageDecryptException"/> on any failed check.</summary>
    public static DecryptedMessage Decrypt(AuthKey authKey, MessageDirection direction, ReadOnlySpan<byte> message)
    {
        var buffer = new byte[Math.Max(0, message.Length - OuterHeaderSize)];
        var status = TryDecrypt(authKey, direction, message, buffer, out var envelope);
        if (status != MessageDecryptStatus.Success)
        {
            CryptographicOperations.ZeroMemory(buffer);
            throw new MessageDecryptException(status);
        }

        return new DecryptedMessage(envelope.Header, buffer[envelope.BodyRange]);
    }

    private static void CheckBodyLength(int bodyLength)
    {
        if (bodyLength < 0 || bodyLength % 4 != 0)
        {
            throw new ArgumentException($"A message body is a whole number of 4-byte words, got {bodyLength} bytes.", nameof(bodyLength));
        }
    }
}
