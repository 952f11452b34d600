using Signals.Telegram.Port;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>Keeps every blob a connection saves; <see cref="Latest"/> is what a grain would persist.</summary>
internal sealed class RecordingSessionStore : ITelegramSessionStore
{
    private readonly Lock _gate = new();
    private byte[]? _latest;
    private int _saves;

    public byte[]? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    public int Saves => Volatile.Read(ref _saves);

    public ValueTask SaveAsync(byte[] sessionBlob, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _latest = sessionBlob;
        }

        Interlocked.Increment(ref _saves);
        return ValueTask.CompletedTask;
    }
}
