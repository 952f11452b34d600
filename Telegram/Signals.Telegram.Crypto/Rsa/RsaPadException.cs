using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>An RSA_PAD block that does not decrypt to a well-formed, hash-checked payload.</summary>
public sealed class RsaPadException : CryptographicException
{
    public RsaPadException()
        : base("RSA_PAD block rejected.")
    {
    }

    public RsaPadException(string message)
        : base(message)
    {
    }

    public RsaPadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
