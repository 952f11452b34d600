namespace Signals.Telegram.Mtproto.Auth;

/// <summary>The key exchange cannot go on: the peer broke a rule of /mtproto/auth_key. Drop the connection.</summary>
public sealed class HandshakeException : Exception
{
    public HandshakeException(string message)
        : base(message)
    {
    }

    public HandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HandshakeException()
        : base("Auth key exchange failed.")
    {
    }
}
