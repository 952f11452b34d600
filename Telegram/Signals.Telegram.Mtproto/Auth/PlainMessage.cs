using System.Buffers.Binary;

namespace Signals.Telegram.Mtproto.Auth;

/// <summary>
/// An unencrypted message (/mtproto/description, "Unencrypted Message"): auth_key_id = 0, msg_id, length, body.
/// Only the key exchange travels this way.
/// </summary>
public static class PlainMessage
{
    public const int HeaderSize = 20;

    public static byte[] Encode(long messageId, ReadOnlySpan<byte> body)
    {
        var result = new byte[HeaderSize + body.Length];
        BinaryPrimitives.WriteInt64LittleEndian(result.AsSpan(8), messageId);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(16), body.Length);
        body.CopyTo(result.AsSpan(HeaderSize));
        return result;
    }

    /// <summary>True when the payload starts with a zero auth_key_id, i.e. it is meant to be plain.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> payload) =>
        payload.Length >= 8 && BinaryPrimitives.ReadInt64LittleEndian(payload) == 0;

    /// <summary>False for anything that is not a well-formed plain message (wrong key id, lying length).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out long messageId, out ReadOnlySpan<byte> body)
    {
        messageId = 0;
        body = default;
        if (payload.Length < HeaderSize || !IsPlain(payload))
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(payload[16..]);
        if (length < 0 || length != payload.Length - HeaderSize)
        {
            return false;
        }

        messageId = BinaryPrimitives.ReadInt64LittleEndian(payload[8..]);
        body = payload[HeaderSize..];
        return true;
    }
}
