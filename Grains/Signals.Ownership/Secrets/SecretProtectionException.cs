namespace Signals.Ownership;

/// <summary>
/// Protected data could not be read. Messages name the key id and its configuration key, never a key or plaintext.
/// </summary>
public class SecretProtectionException : Exception
{
    public SecretProtectionException()
    {
    }

    public SecretProtectionException(string message)
        : base(message)
    {
    }

    public SecretProtectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecretProtectionException(string message, string? keyId, Exception? innerException = null)
        : base(message, innerException)
    {
        KeyId = keyId;
    }

    /// <summary>The key id the data names, when it could be read.</summary>
    public string? KeyId { get; }

    /// <summary>Where that key is configured: <c>Signals:Secrets:Keys:{keyId}</c>.</summary>
    public string? ConfigurationKey => KeyId is null ? null : SecretOptions.KeyPath(KeyId);
}
