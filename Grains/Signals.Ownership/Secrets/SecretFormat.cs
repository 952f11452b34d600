using System.Text;

namespace Signals.Ownership;

/// <summary>
/// The layout of protected data, version 1:
/// <c>"SGE" | 0x01 | key id length (1 byte) | key id (ASCII) | nonce (12) | tag (16) | ciphertext</c>.
/// The header (magic to key id) and the purpose are the AES-GCM associated data, so neither can be swapped unnoticed.
/// </summary>
internal static class SecretFormat
{
    public const byte Version = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    // "SGE": Signals, encrypted. Three bytes make an accidental match with a plaintext blob unlikely.
    public static ReadOnlySpan<byte> Magic => "SGE"u8;

    public static int HeaderSize(int keyIdLength) => Magic.Length + 1 + 1 + keyIdLength;

    public static int TotalSize(int keyIdLength, int plaintextLength) => HeaderSize(keyIdLength) + NonceSize + TagSize + plaintextLength;

    public static void WriteHeader(Span<byte> destination, string keyId)
    {
        Magic.CopyTo(destination);
        destination[Magic.Length] = Version;
        destination[Magic.Length + 1] = (byte)keyId.Length;
        Encoding.ASCII.GetBytes(keyId, destination[(Magic.Length + 2)..]);
    }

    /// <summary>Reads the header; false when the bytes are not version-1 protected data.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out string keyId, out int headerSize)
    {
        keyId = string.Empty;
        headerSize = 0;
        if (data.Length < Magic.Length + 2 || !data.StartsWith(Magic) || data[Magic.Length] != Version)
        {
            return false;
        }

        int idLength = data[Magic.Length + 1];
        if (idLength == 0 || data.Length < HeaderSize(idLength) + NonceSize + TagSize)
        {
            return false;
        }

        var id = data.Slice(Magic.Length + 2, idLength);
        foreach (var b in id)
        {
            if (b is < 0x21 or > 0x7E)
            {
                return false;
            }
        }

        keyId = Encoding.ASCII.GetString(id);
        headerSize = HeaderSize(idLength);
        return true;
    }
}
