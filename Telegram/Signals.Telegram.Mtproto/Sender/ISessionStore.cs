namespace Signals.Telegram.Mtproto.Sender;

/// <summary>Where a sender keeps its <see cref="SessionBlob"/> bytes (a grain's state, in Signals).</summary>
public interface ISessionStore
{
    ValueTask<byte[]?> LoadAsync(CancellationToken cancellationToken);

    ValueTask SaveAsync(byte[] blob, CancellationToken cancellationToken);
}
