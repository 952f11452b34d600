namespace Signals.Telegram.Port;

/// <summary>
/// Opens connections for sessions. One connector per silo; it owns every connection it opened and closes
/// them all when disposed, the way the operating system closes a dead process's sockets.
/// </summary>
public interface ITelegramConnector
{
    /// <summary>
    /// Opens the one live connection of a session. <paramref name="sessionBlob"/> is what the previous
    /// connection handed back through <see cref="ITelegramSessionStore.SaveAsync"/> (null for a new session).
    /// </summary>
    Task<ITelegramConnection> ConnectAsync(
        string sessionName,
        byte[]? sessionBlob,
        ITelegramSessionStore store,
        CancellationToken cancellationToken);
}
