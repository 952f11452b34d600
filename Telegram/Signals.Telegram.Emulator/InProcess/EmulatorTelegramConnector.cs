using Signals.Telegram.Emulator.World;
using Signals.Telegram.Port;

namespace Signals.Telegram.Emulator.InProcess;

/// <summary>
/// The port's connector over an in-memory world, one per silo. It owns the connections it opened and closes
/// them all on <see cref="DisposeAsync"/>, as the operating system closes a dead process's sockets.
/// </summary>
public sealed class EmulatorTelegramConnector(TelegramWorld world) : ITelegramConnector, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<EmulatorTelegramConnection> _open = [];
    private bool _disposed;

    public TelegramWorld World { get; } = world;

    /// <summary>Connections this connector opened that are still open.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// A session blob already logged in as the account with <paramref name="phone"/>, for sessions that a demo or a
    /// test starts without the code dance.
    /// </summary>
    public static byte[] CreateLoggedInSessionBlob(TelegramWorld world, string phone)
    {
        var blob = EmulatorSessionBlob.CreateNew();
        world.RegisterAuthKey(blob.AuthKey);
        world.AuthorizeAuthKey(blob.AuthKeyId, phone);
        return blob.ToBytes();
    }

    public async Task<ITelegramConnection> ConnectAsync(
        string sessionName,
        byte[]? sessionBlob,
        ITelegramSessionStore store,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        ArgumentNullException.ThrowIfNull(store);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();

        var blob = sessionBlob is null ? null : EmulatorSessionBlob.TryParse(sessionBlob);
        if (blob is null || !IsUsable(blob))
        {
            // What an MTProto client does when the server no longer knows its key (transport error -404): make a
            // new key and hand the owner the new blob. The new key is not logged in yet.
            blob = EmulatorSessionBlob.CreateNew();
            World.RegisterAuthKey(blob.AuthKey);
            await store.SaveAsync(blob.ToBytes(), cancellationToken);
        }

        var connection = new EmulatorTelegramConnection(World.OpenConnection(sessionName, blob.AuthKeyId), Forget);
        lock (_gate)
        {
            if (!_disposed)
            {
                _open.Add(connection);
            }
        }

        if (!connection.IsOpen || IsDisposed())
        {
            await connection.DisposeAsync();
            ThrowIfDisposed();
        }

        // Forget connections the world closed (lost, revoked), too, so a long-lived silo does not collect them.
        _ = connection.WorldConnection.Closed.ContinueWith(_ => Forget(connection), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        EmulatorTelegramConnection[] open;
        lock (_gate)
        {
            _disposed = true;
            open = [.. _open];
            _open.Clear();
        }

        foreach (var connection in open)
        {
            await connection.DisposeAsync();
        }
    }

    private bool IsUsable(EmulatorSessionBlob blob) =>
        World.TryGetAuthKey(blob.AuthKeyId, out var key) && key.AsSpan().SequenceEqual(blob.AuthKey);

    private void Forget(EmulatorTelegramConnection connection)
    {
        lock (_gate)
        {
            _open.Remove(connection);
        }
    }

    private bool IsDisposed()
    {
        lock (_gate)
        {
            return _disposed;
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed(), this);
}
