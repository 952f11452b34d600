using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>
/// A 2048-bit MTProto authorization key with its identifiers: <see cref="Id"/> is the low 64 bits of SHA1(key) and
/// <see cref="AuxHash"/> the high 64 bits, both read little-endian as TL longs.
/// </summary>
public sealed class AuthKey : IEquatable<AuthKey>
{
    public const int Size = 256;

    private readonly byte[] _key;

    public AuthKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != Size)
        {
            throw new ArgumentException($"An auth key is {Size} bytes, got {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(_key, hash);
        AuxHash = BinaryPrimitives.ReadInt64LittleEndian(hash);
        Id = BinaryPrimitives.ReadInt64LittleEndian(hash[12..]);
    }

    /// <summary>auth_key_id: what every encrypted message starts with.</summary>
    public long Id { get; }

    /// <summary>auth_key_aux_hash: mixed into new_nonce_hash1/2/3 and used as retry_id after dh_gen_retry.</summary>
    public long AuxHash { get; }

    public ReadOnlySpan<byte> Key => _key;

    /// <summary>The key from a DH result g^ab mod p, as the 256-byte big-endian number (left-padded with zeros).</summary>
    public static AuthKey FromSharedSecret(BigInteger sharedSecret) => new(BigEndian.ToFixedBytes(sharedSecret, Size));

    /// <summary>Computes auth_key_id without building an <see cref="AuthKey"/>.</summary>
    public static long ComputeId(ReadOnlySpan<byte> key) => new AuthKey(key).Id;

    public bool Equals(AuthKey? other) => other is not null && CryptographicOperations.FixedTimeEquals(_key, other._key);

    public override bool Equals(object? obj) => obj is AuthKey other && Equals(other);

    public override int GetHashCode() => Id.GetHashCode();

    /// <summary>Never prints key material.</summary>
    public override string ToString() => $"AuthKey(id={Id:X16})";
}
