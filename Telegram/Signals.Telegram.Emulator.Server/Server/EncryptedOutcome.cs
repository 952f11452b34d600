namespace Signals.Telegram.Emulator.Server;

/// <summary>The verdict on one encrypted message and the encrypted reply to send, if any.</summary>
internal readonly record struct EncryptedOutcome(EncryptedVerdict Verdict, byte[]? Reply)
{
    public static EncryptedOutcome TransportError => new(EncryptedVerdict.TransportErrorAndClose, null);

    public static EncryptedOutcome Close => new(EncryptedVerdict.Close, null);
}
