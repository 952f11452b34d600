using Microsoft.Extensions.Options;

namespace Signals.Ownership;

/// <summary>
/// Validates <see cref="SecretOptions"/> at start so a missing or malformed key stops the silo with a message naming
/// the configuration key, before anything is read or written. Messages never contain key material.
/// </summary>
public sealed class SecretOptionsValidator : IValidateOptions<SecretOptions>
{
    public const int KeySizeBytes = 32;
    public const int MaxKeyIdLength = 64;

    public ValidateOptionsResult Validate(string? name, SecretOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static List<string> Check(SecretOptions options)
    {
        var errors = new List<string>();
        foreach (var (keyId, value) in options.Keys)
        {
            if (!IsValidKeyId(keyId))
            {
                errors.Add($"{SecretOptions.KeyPath(keyId)}: a key id must be 1 to {MaxKeyIdLength} characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
                continue;
            }

            if (TryDecodeKey(value, out var bytes, out var length))
            {
                continue;
            }

            errors.Add(bytes is null
                ? $"{SecretOptions.KeyPath(keyId)} is not valid base64; expected {KeySizeBytes} random bytes in base64 (e.g. 'openssl rand -base64 32')."
                : $"{SecretOptions.KeyPath(keyId)} must decode to {KeySizeBytes} bytes (AES-256); it decodes to {length}.");
        }

        if (string.IsNullOrWhiteSpace(options.ActiveKeyId))
        {
            errors.Add($"{SecretOptions.ActiveKeyIdPath} is required: it names the key under {SecretOptions.Section}:{nameof(SecretOptions.Keys)} that encrypts new data.");
        }
        else if (!options.Keys.ContainsKey(options.ActiveKeyId))
        {
            errors.Add($"{SecretOptions.KeyPath(options.ActiveKeyId)} is missing; {SecretOptions.ActiveKeyIdPath} names it as the active key.");
        }

        return errors;
    }

    internal static bool IsValidKeyId(string keyId) =>
        keyId.Length is > 0 and <= MaxKeyIdLength && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>Decodes a configured key. <paramref name="bytes"/> is null when the text is not base64.</summary>
    internal static bool TryDecodeKey(string? base64, out byte[]? bytes, out int length)
    {
        bytes = null;
        length = 0;
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        length = bytes.Length;
        return length == KeySizeBytes;
    }
}
