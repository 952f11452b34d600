namespace Signals.Ownership;

/// <summary>
/// Decryption failed authentication: the configured key under that id is not the one that encrypted the data, the
/// purpose differs, or the bytes were altered. AES-GCM cannot tell these apart, and neither can we.
/// </summary>
public sealed class SecretAuthenticationException : SecretProtectionException
{
    public SecretAuthenticationException()
    {
    }

    public SecretAuthenticationException(string message)
        : base(message)
    {
    }

    public SecretAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecretAuthenticationException(string message, string keyId, Exception? innerException)
        : base(message, keyId, innerException)
    {
    }
}
