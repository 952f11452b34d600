using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>SRP parameters or values that the protocol says must be refused.</summary>
public sealed class SrpException : CryptographicException
{
    public SrpException()
        : base("SRP check failed.")
    {
    }

    public SrpException(string message)
        : base(message)
    {
    }

    public SrpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
