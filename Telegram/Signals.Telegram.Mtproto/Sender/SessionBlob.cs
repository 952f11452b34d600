using System.Buffers.Binary;
using Signals.Telegram.Crypto;

namespace Signals.Telegram.Mtproto.Sender;

/// <summary>
/// What a sender needs to resume without a new key exchange: DC, auth key, salt and clock offset, as bytes for a
/// store the host supplies (the library itself never touches a file). Layout: version (1), dc (4), salt (8),
/// time offset (4), key (256), all little-endian.
/// </summary>
public sealed record SessionBlob(int DcId, AuthKey AuthKey, long Salt, int TimeOffsetSeconds)
{
    private const byte Version = 1;
    private const int Length = 1 + 4 + 8 + 4 + AuthKey.Size;

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), DcId);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(5), Salt);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(13), TimeOffsetSeconds);
        AuthKey.Key.CopyTo(bytes.AsSpan(17));
        return bytes;
    }

    public static SessionBlob FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length || bytes[0] != Version)
        {
            throw new FormatException($"Not a version-{Version} session blob of {Length} bytes.");
        }

        return new SessionBlob(
            BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]),
            new AuthKey(bytes[17..]),
            BinaryPrimitives.ReadInt64LittleEndian(bytes[5..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[13..]));
    }
}
