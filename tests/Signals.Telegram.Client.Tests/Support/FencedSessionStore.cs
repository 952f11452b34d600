using Signals.Telegram.Port;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>A store whose owner's right to the session can be taken away, as a session grain's lease is.</summary>
internal sealed class FencedSessionStore(bool mayUse) : ITelegramSessionStore, ISessionFence
{
    private volatile bool _mayUse = mayUse;
    private int _checks;

    public bool MayUse
    {
        get
        {
            Interlocked.Increment(ref _checks);
            return _mayUse;
        }
    }

    /// <summary>How often the connection asked (proof the fence is consulted at all).</summary>
    public int Checks => Volatile.Read(ref _checks);

    public byte[]? Latest { get; private set; }

    public void Revoke() => _mayUse = false;

    public ValueTask SaveAsync(byte[] sessionBlob, CancellationToken cancellationToken)
    {
        Latest = sessionBlob;
        return ValueTask.CompletedTask;
    }
}
