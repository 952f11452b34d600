using System.Buffers.Binary;
using Signals.Telegram.Crypto.Tests.Support;

namespace Signals.Telegram.Crypto.Tests.Hostile;

/// <summary>Every way an incoming encrypted message can be wrong ends in a typed status, never a crash.</summary>
public sealed class MessageCipherHostileTests
{
    private static readonly AuthKey Key = new(Enumerable.Range(0, 256).Select(i => (byte)(i * 7 + 3)).ToArray());
    private static readonly MessageHeader Header = new(0x1122334455667788, 42, 0x5F00000000000004, 3);

    [Fact]
    public void Intact_message_decrypts_to_its_header_and_body()
    {
        var body = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();
        var message = MessageCipher.Encrypt(Key, MessageDirection.ServerToClient, Header, body);
        var decrypted = MessageCipher.Decrypt(Key, MessageDirection.ServerToClient, message);
        Assert.Equal(Header, decrypted.Header);
        Assert.Equal(body, decrypted.Body);
    }

    [Fact]
    public void In_place_decryption_gives_the_same_body()
    {
        var body = Enumerable.Range(0, 64).Select(i => (byte)(255 - i)).ToArray();
        var message = MessageCipher.Encrypt(Key, MessageDirection.ClientToServer, Header, body);
        var plaintext = message.AsSpan(MessageCipher.OuterHeaderSize);
        Assert.Equal(MessageDecryptStatus.Success, MessageCipher.TryDecrypt(Key, MessageDirection.ClientToServer, message, plaintext, out var envelope));
        Assert.Equal(body, plaintext[envelope.BodyRange].ToArray());
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        var message = MessageCipher.Encrypt(Key, MessageDirection.ServerToClient, Header, new byte[100]);
        var buffer = new byte[message.Length];
        for (var length = 0; length < message.Length; length++)
        {
            var status = MessageCipher.TryDecrypt(Key, MessageDirection.ServerToClient, message.AsSpan(0, length), buffer, out _);
            Assert.NotEqual(MessageDecryptStatus.Success, status);
            if (length < MessageCipher.MinMessageSize)
            {
                Assert.Equal(MessageDecryptStatus.TooShort, status);
            }
        }
    }

    [Fact]
    public void Any_flipped_bit_after_the_key_id_fails_the_msg_key_check()
    {
        var message = MessageCipher.Encrypt(Key, MessageDirection.ServerToClient, Header, new byte[32]);
        var buffer = new byte[message.Length];
        for (var bit = 64; bit < message.Length * 8; bit += 7)
        {
            var tampered = (byte[])message.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Equal(MessageDecryptStatus.MessageKeyMismatch, MessageCipher.TryDecrypt(Key, MessageDirection.ServerToClient, tampered, buffer, out _));
        }
    }

    [Fact]
    public void Message_for_another_key_is_refused_by_its_key_id()
    {
        var other = new AuthKey(new byte[256]);
        var message = MessageCipher.Encrypt(other, MessageDirection.ServerToClient, Header, new byte[8]);
        Assert.Equal(MessageDecryptStatus.AuthKeyMismatch, MessageCipher.TryDecrypt(Key, MessageDirection.ServerToClient, message, new byte[message.Length], out _));
    }

    [Fact]
    public void Message_in_the_wrong_direction_is_refused()
    {
        var message = MessageCipher.Encrypt(Key, MessageDirection.ClientToServer, Header, new byte[8]);
        var error = Assert.Throws<MessageDecryptException>(() => MessageCipher.Decrypt(Key, MessageDirection.ServerToClient, message));
        Assert.Equal(MessageDecryptStatus.MessageKeyMismatch, error.Status);
    }

    [Fact]
    public void Misaligned_ciphertext_is_refused()
    {
        var message = MessageCipher.Encrypt(Key, MessageDirection.ServerToClient, Header, new byte[8]);
        var longer = message.Concat(new byte[4]).ToArray();
        Assert.Equal(MessageDecryptStatus.NotBlockAligned, MessageCipher.TryDecrypt(Key, MessageDirection.ServerToClient, longer, new byte[longer.Length], out _));
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(6)]
    [InlineData(1_000_000)]
    [InlineData(int.MaxValue)]
    [InlineData(48)] // leaves 0 bytes of padding in a 80-byte plaintext: below the 12-byte minimum
    [InlineData(0)] // leaves 48 bytes: a valid amount, so this one must pass
    public void Lying_length_fields_with_a_valid_msg_key_are_refused(int declaredLength)
    {
        // A peer holding the key can still send a correct msg_key over a wrong length; the length check must catch it.
        var plain = new byte[80];
        BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(28), declaredLength);
        var message = Seal(plain);
        var status = MessageCipher.TryDecrypt(Key, MessageDirection.ServerToClient, message, new byte[message.Length], out var envelope);
        if (declaredLength == 0)
        {
            Assert.Equal(MessageDecryptStatus.Success, status);
            Assert.Equal(0, envelope.BodyLength);
        }
        else
        {
            Assert.Equal(MessageDecryptStatus.InvalidLength, status);
        }
    }

    [Fact]
    public void Padding_above_1024_bytes_is_refused()
    {
        var plain = new byte[32 + 4 + 1036];
        BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(28), 4);
        var message = Seal(plain);
        Assert.Equal(MessageDecryptStatus.InvalidLength, MessageCipher.TryDecrypt(Key, MessageDirection.ServerToClient, message, new byte[message.Length], out _));
    }

    [Fact]
    public void Random_garbage_never_decrypts()
    {
        var random = new Random(4001);
        var buffer = new byte[4096];
        for (var i = 0; i < 2000; i++)
        {
            var garbage = new byte[random.Next(0, 4096)];
            random.NextBytes(garbage);
            if (i % 2 == 0 && garbage.Length >= 8)
            {
                BinaryPrimitives.WriteInt64LittleEndian(garbage, Key.Id); // get past the key id check
            }

            Assert.NotEqual(MessageDecryptStatus.Success, MessageCipher.TryDecrypt(Key, MessageDirection.ServerToClient, garbage, buffer, out _));
        }
    }

    [Fact]
    public void Padding_length_is_always_between_12_and_1024_and_block_aligned()
    {
        for (var body = 0; body <= 4096; body += 4)
        {
            foreach (var extra in new[] { 0, 1, 5, 100 })
            {
                var padding = MessageCipher.GetPaddingLength(body, extra);
                Assert.InRange(padding, MessageCipher.MinPadding, MessageCipher.MaxPadding);
                Assert.Equal(0, (32 + body + padding) % 16);
            }

            Assert.InRange(MessageCipher.GetPaddingLength(body), 12, 27);
        }
    }

    private static byte[] Seal(byte[] plain)
    {
        var message = new byte[24 + plain.Length];
        BinaryPrimitives.WriteInt64LittleEndian(message, Key.Id);
        var msgKey = message.AsSpan(8, 16);
        MtprotoKdf.ComputeMessageKey(Key.Key, MessageDirection.ServerToClient, plain, msgKey);
        var aesKey = new byte[32];
        var aesIv = new byte[32];
        MtprotoKdf.DeriveAesKeyIv(Key.Key, MessageDirection.ServerToClient, msgKey, aesKey, aesIv);
        AesIge.Encrypt(aesKey, aesIv, plain, message.AsSpan(24));
        return message;
    }
}
