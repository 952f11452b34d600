using Signals.Telegram.Port;

namespace Signals.Sessions;

/// <summary>
/// The store a session grain hands to its connection. The connection may call it from any thread, so it only
/// parks the newest blob; the grain persists it on its own turn (grain state must never be touched off-turn).
/// </summary>
internal sealed class SessionBlobInbox : ITelegramSessionStore, ISessionFence
{
    private byte[]? _pending;

    /// <summary>The grain's lease check; the connection asks it before every write (see <see cref="ISessionFence"/>).</summary>
    public Func<bool>? Fence { get; set; }

    public bool MayUse => Fence?.Invoke() ?? false;

    public ValueTask SaveAsync(byte[] sessionBlob, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _pending, sessionBlob);
        return ValueTask.CompletedTask;
    }

    public byte[]? Take() => Interlocked.Exchange(ref _pending, null);
}
