using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// auth_key_id is "the 64 lower-order bits of the SHA1 hash of the authorization key"
/// (https://core.telegram.org/mtproto/description): bytes 12..19 of the digest, little-endian.
/// </summary>
public static class AuthKeyId
{
    public const int AuthKeyLength = 256;

    public static long Of(ReadOnlySpan<byte> authKey)
    {
        if (authKey.Length != AuthKeyLength)
        {
            throw new ArgumentException($"an auth key is {AuthKeyLength} bytes", nameof(authKey));
        }

        Span<byte> digest = stackalloc byte[20];
#pragma warning disable CA5350 // SHA1 is what MTProto defines for the key id; it is an identifier, not a protection.
        SHA1.HashData(authKey, digest);
#pragma warning restore CA5350
        return BinaryPrimitives.ReadInt64LittleEndian(digest[12..]);
    }
}
