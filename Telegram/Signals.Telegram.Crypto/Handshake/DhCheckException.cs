using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>DH parameters that the protocol says must be refused.</summary>
public sealed class DhCheckException : CryptographicException
{
    public DhCheckException(DhCheckFailure failure)
        : base($"DH check failed: {failure}.")
    {
        Failure = failure;
    }

    public DhCheckException()
        : this(DhCheckFailure.NotSafePrime)
    {
    }

    public DhCheckException(string message)
        : base(message)
    {
    }

    public DhCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DhCheckFailure Failure { get; }
}
