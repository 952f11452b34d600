namespace Signals.Telegram.Port;

/// <summary>
/// Where a connection hands its session blob (auth keys, salts, DC, update state) whenever it changes.
/// The library never touches a file: the owner of the session (its grain) supplies this store.
/// </summary>
public interface ITelegramSessionStore
{
    ValueTask SaveAsync(byte[] sessionBlob, CancellationToken cancellationToken);
}
