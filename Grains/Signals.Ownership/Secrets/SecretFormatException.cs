namespace Signals.Ownership;

/// <summary>The bytes are not protected data in a format this version reads (plaintext, truncated, or a newer version).</summary>
public sealed class SecretFormatException : SecretProtectionException
{
    public SecretFormatException()
    {
    }

    public SecretFormatException(string message)
        : base(message)
    {
    }

    public SecretFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
