namespace Signals.Ownership;

/// <summary>The data was encrypted under a key id that is not configured (e.g. removed too early after a rotation).</summary>
public sealed class SecretKeyNotFoundException : SecretProtectionException
{
    public SecretKeyNotFoundException()
    {
    }

    public SecretKeyNotFoundException(string message)
        : base(message)
    {
    }

    public SecretKeyNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecretKeyNotFoundException(string message, string keyId)
        : base(message, keyId)
    {
    }
}
