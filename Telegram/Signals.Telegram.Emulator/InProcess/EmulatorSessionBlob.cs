using System.Buffers.Binary;
using System.Security.Cryptography;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.InProcess;

/// <summary>
/// The in-process port's session blob: an auth key and its id, as an MTProto client would keep them.
/// Layout: "SGEM", version 1, auth_key_id (8 bytes, little-endian), auth key (256 bytes).
/// </summary>
internal sealed record EmulatorSessionBlob(long AuthKeyId, byte[] AuthKey)
{
    private const byte Version = 1;
    private static readonly byte[] Magic = "SGEM"u8.ToArray();
    private static readonly int Length = Magic.Length + 1 + sizeof(long) + World.AuthKeyId.AuthKeyLength;

    public static EmulatorSessionBlob CreateNew()
    {
        var key = RandomNumberGenerator.GetBytes(World.AuthKeyId.AuthKeyLength);
        return new EmulatorSessionBlob(World.AuthKeyId.Of(key), key);
    }

    /// <summary>Null for anything that is not an intact blob of this format.</summary>
    public static EmulatorSessionBlob? TryParse(byte[] blob)
    {
        if (blob.Length != Length || !blob.AsSpan(0, Magic.Length).SequenceEqual(Magic) || blob[Magic.Length] != Version)
        {
            return null;
        }

        var id = BinaryPrimitives.ReadInt64LittleEndian(blob.AsSpan(Magic.Length + 1));
        var key = blob.AsSpan(Magic.Length + 1 + sizeof(long)).ToArray();

        // The id is derived from the key; a mismatch means the blob was damaged.
        return World.AuthKeyId.Of(key) == id ? new EmulatorSessionBlob(id, key) : null;
    }

    public byte[] ToBytes()
    {
        var blob = new byte[Length];
        Magic.CopyTo(blob, 0);
        blob[Magic.Length] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(Magic.Length + 1), AuthKeyId);
        AuthKey.CopyTo(blob, Magic.Length + 1 + sizeof(long));
        return blob;
    }
}
