namespace Signals.Telegram.Crypto;

/// <summary>Who sent a message. The value is MTProto's x: the offset into the auth key that the KDF uses.</summary>
public enum MessageDirection
{
    ClientToServer = 0,
    ServerToClient = 8,
}
