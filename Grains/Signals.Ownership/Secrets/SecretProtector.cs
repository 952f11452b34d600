using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Signals.Ownership;

/// <summary>
/// Encrypts secrets before they reach Redis: AES-256-GCM under the active configured key, the key id stored with the
/// data so old data stays readable while keys rotate. The purpose (e.g. "session-blob") is authenticated with the
/// data, so a value cannot be moved to another use. Thread-safe.
/// </summary>
public sealed class SecretProtector
{
    private readonly Dictionary<string, byte[]> _keys;

    public SecretProtector(IOptions<SecretOptions> options)
        : this(options.Value)
    {
    }

    /// <exception cref="OptionsValidationException">The options are invalid; the messages name the configuration keys.</exception>
    public SecretProtector(SecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = SecretOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(SecretOptions.Section, typeof(SecretOptions), errors);
        }

        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (keyId, value) in options.Keys)
        {
            SecretOptionsValidator.TryDecodeKey(value, out var bytes, out _);
            _keys.Add(keyId, bytes!);
        }

        ActiveKeyId = options.ActiveKeyId!;
    }

    /// <summary>The key id new data is encrypted under.</summary>
    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>True when the bytes carry the protected-data header (they may still fail to decrypt).</summary>
    public static bool IsProtected(ReadOnlySpan<byte> data) => SecretFormat.TryRead(data, out _, out _);

    /// <summary>The key id protected data names; false when the bytes are not protected data.</summary>
    public static bool TryGetKeyId(ReadOnlySpan<byte> data, out string keyId) => SecretFormat.TryRead(data, out keyId, out _);

    /// <summary>True when the data is protected under the active key (a rotation leaves it as it is).</summary>
    public bool IsUnderActiveKey(ReadOnlySpan<byte> data) => TryGetKeyId(data, out var keyId) && keyId == ActiveKeyId;

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var keyId = ActiveKeyId;
        var headerSize = SecretFormat.HeaderSize(keyId.Length);
        var output = new byte[SecretFormat.TotalSize(keyId.Length, plaintext.Length)];
        SecretFormat.WriteHeader(output, keyId);
        var nonce = output.AsSpan(headerSize, SecretFormat.NonceSize);
        var tag = output.AsSpan(headerSize + SecretFormat.NonceSize, SecretFormat.TagSize);
        var ciphertext = output.AsSpan(headerSize + SecretFormat.NonceSize + SecretFormat.TagSize);
        // Random 96-bit nonces: safe for far more than the 2^32 messages a key may encrypt (NIST SP 800-38D, 8.3).
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[keyId], SecretFormat.TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(output.AsSpan(0, headerSize), purpose));
        return output;
    }

    /// <exception cref="SecretFormatException">The bytes are not protected data.</exception>
    /// <exception cref="SecretKeyNotFoundException">The key id they name is not configured.</exception>
    /// <exception cref="SecretAuthenticationException">Wrong key, wrong purpose, or altered bytes.</exception>
    public byte[] Unprotect(ReadOnlySpan<byte> data, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        if (!SecretFormat.TryRead(data, out var keyId, out var headerSize))
        {
            throw new SecretFormatException($"The value (purpose '{purpose}', {data.Length} bytes) is not protected data of format version {SecretFormat.Version}.");
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new SecretKeyNotFoundException(
                $"The value (purpose '{purpose}') was encrypted under key '{keyId}', which is not configured: set {SecretOptions.KeyPath(keyId)} (configured: {string.Join(", ", _keys.Keys)}).",
                keyId);
        }

        var nonce = data.Slice(headerSize, SecretFormat.NonceSize);
        var tag = data.Slice(headerSize + SecretFormat.NonceSize, SecretFormat.TagSize);
        var ciphertext = data[(headerSize + SecretFormat.NonceSize + SecretFormat.TagSize)..];
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, SecretFormat.TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AssociatedData(data[..headerSize], purpose));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new SecretAuthenticationException(
                $"The value (purpose '{purpose}') failed authentication under key '{keyId}' ({SecretOptions.KeyPath(keyId)}): the configured key is not the one it was encrypted with, the purpose differs, or the data was altered.",
                keyId,
                ex);
        }

        return plaintext;
    }

    public byte[] ProtectText(string plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return Protect(Encoding.UTF8.GetBytes(plaintext), purpose);
    }

    public string UnprotectText(ReadOnlySpan<byte> data, string purpose) => Encoding.UTF8.GetString(Unprotect(data, purpose));

    /// <summary>Decrypts and encrypts again under the active key (with a fresh nonce); throws as <see cref="Unprotect"/> does.</summary>
    public byte[] Reprotect(ReadOnlySpan<byte> data, string purpose)
    {
        var plaintext = Unprotect(data, purpose);
        try
        {
            return Protect(plaintext, purpose);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string purpose)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var ad = new byte[header.Length + purposeBytes.Length];
        header.CopyTo(ad);
        purposeBytes.CopyTo(ad.AsSpan(header.Length));
        return ad;
    }
}
