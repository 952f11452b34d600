using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>An encrypted message failed a security check; <see cref="Status"/> says which.</summary>
public sealed class MessageDecryptException : CryptographicException
{
    public MessageDecryptException(MessageDecryptStatus status)
        : base($"Encrypted message rejected: {status}.")
    {
        Status = status;
    }

    public MessageDecryptException()
        : this(MessageDecryptStatus.MessageKeyMismatch)
    {
    }

    public MessageDecryptException(string message)
        : base(message)
    {
        Status = MessageDecryptStatus.MessageKeyMismatch;
    }

    public MessageDecryptException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = MessageDecryptStatus.MessageKeyMismatch;
    }

    public MessageDecryptStatus Status { get; }
}
