namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// The verdict on one encrypted message, the encrypted reply to send, if any, and the answers still being made
/// (<see cref="Deferred"/>), which the connection writes when they complete.
/// </summary>
internal readonly record struct EncryptedOutcome(EncryptedVerdict Verdict, byte[]? Reply, IReadOnlyList<DeferredReply>? Deferred = null)
{
    public static EncryptedOutcome TransportError => new(EncryptedVerdict.TransportErrorAndClose, null);

    public static EncryptedOutcome Close => new(EncryptedVerdict.Close, null);
}
