using System.Buffers.Binary;
using Signals.Telegram.Crypto;

namespace Signals.Telegram.Mtproto.Tests.Fuzz;

/// <summary>
/// Encrypts any plaintext under a real auth key the way MTProto 2.0 does (msg_key from the plaintext, AES-256-IGE),
/// without MessageCipher's checks: so a fuzzed message passes decryption and its lies (length, ids, padding) reach
/// the decoder behind it.
/// </summary>
internal sealed class Sealer(AuthKey key, MessageDirection direction)
{
    private const int HeaderSize = 32;

    /// <summary>salt, session_id, msg_id, seqno, message_data_length, body, 12..27 bytes of padding.</summary>
    public static byte[] Plaintext(long salt, long sessionId, long messageId, int seqNo, ReadOnlySpan<byte> body, Random random)
    {
        var padding = 12 + ((16 - ((HeaderSize + body.Length + 12) % 16)) % 16);
        var plain = new byte[HeaderSize + body.Length + padding];
        BinaryPrimitives.WriteInt64LittleEndian(plain, salt);
        BinaryPrimitives.WriteInt64LittleEndian(plain.AsSpan(8), sessionId);
        BinaryPrimitives.WriteInt64LittleEndian(plain.AsSpan(16), messageId);
        BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(24), seqNo);
        BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(28), body.Length);
        body.CopyTo(plain.AsSpan(HeaderSize));
        random.NextBytes(plain.AsSpan(HeaderSize + body.Length));
        return plain;
    }

    /// <summary>Header-level lies: msg_id parity, session, seqno, and above all message_data_length.</summary>
    public static void LieInHeader(byte[] plain, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                plain[16] ^= 1; // msg_id parity
                break;
            case 1:
                plain[8 + random.Next(8)] ^= (byte)(1 << random.Next(8)); // another session
                break;
            case 2:
                BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(24), random.Next()); // seqno
                break;
            default:
                var length = BinaryPrimitives.ReadInt32LittleEndian(plain.AsSpan(28));
                BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(28), random.Next(5) switch
                {
                    0 => int.MaxValue,
                    1 => -4,
                    2 => length + 4,
                    3 => length - 4,
                    _ => random.Next(0, 4096) * 4,
                });
                break;
        }
    }

    /// <summary>auth_key_id, msg_key and the encrypted plaintext (padded with zeros to a whole block if needed).</summary>
    public byte[] Seal(byte[] plain)
    {
        if (plain.Length % 16 != 0)
        {
            plain = [.. plain, .. new byte[16 - (plain.Length % 16)]];
        }

        var message = new byte[MessageCipher.OuterHeaderSize + plain.Length];
        BinaryPrimitives.WriteInt64LittleEndian(message, key.Id);
        var messageKey = message.AsSpan(8, MtprotoKdf.MessageKeySize);
        MtprotoKdf.ComputeMessageKey(key.Key, direction, plain, messageKey);
        Span<byte> aesKey = stackalloc byte[AesIge.KeySize];
        Span<byte> aesIv = stackalloc byte[AesIge.IvSize];
        MtprotoKdf.DeriveAesKeyIv(key.Key, direction, messageKey, aesKey, aesIv);
        AesIge.Encrypt(aesKey, aesIv, plain, message.AsSpan(MessageCipher.OuterHeaderSize));
        return message;
    }
}
