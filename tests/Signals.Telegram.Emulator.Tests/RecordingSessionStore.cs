using Signals.Telegram.Port;

namespace Signals.Telegram.Emulator.Tests;

/// <summary>Keeps every blob a connection handed back, newest last.</summary>
internal sealed class RecordingSessionStore : ITelegramSessionStore
{
    private readonly List<byte[]> _saved = [];

    public IReadOnlyList<byte[]> Saved => _saved;

    public byte[]? Latest => _saved.Count == 0 ? null : _saved[^1];

    public ValueTask SaveAsync(byte[] sessionBlob, CancellationToken cancellationToken)
    {
        _saved.Add(sessionBlob);
        return ValueTask.CompletedTask;
    }
}
