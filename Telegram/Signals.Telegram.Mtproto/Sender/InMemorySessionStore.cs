namespace Signals.Telegram.Mtproto.Sender;

/// <summary>A store that keeps the blob in memory (tests, throwaway sessions).</summary>
public sealed class InMemorySessionStore(byte[]? blob = null) : ISessionStore
{
    public byte[]? Blob { get; private set; } = blob;

    public ValueTask<byte[]?> LoadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Blob);

    public ValueTask SaveAsync(byte[] blob, CancellationToken cancellationToken)
    {
        Blob = blob;
        return ValueTask.CompletedTask;
    }
}
