using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signals.Telegram.Client.Connection;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Port;

namespace Signals.Telegram.Client;

/// <summary>
/// The port's connector over MTProto, one per silo. It owns the connections it opened (one per session at a time: a
/// second connect of the same session closes the first) and closes them all when disposed.
/// </summary>
public sealed class MtprotoTelegramConnector(MtprotoConnectorOptions options, ILoggerFactory? loggerFactory = null) : ITelegramConnector, IAsyncDisposable
{
    private readonly MtprotoConnectorOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<MtprotoTelegramConnector>();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MtprotoTelegramConnection> _open = [];
    private bool _disposed;

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

    public async Task<ITelegramConnection> ConnectAsync(string sessionName, byte[]? sessionBlob, ITelegramSessionStore store, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        ArgumentNullException.ThrowIfNull(store);
        ThrowIfDisposed();

        MtprotoTelegramConnection? previous;
        lock (_gate)
        {
            _open.Remove(sessionName, out previous);
        }

        if (previous is not null)
        {
            await previous.DisposeAsync();
        }

        // A blob that is not an intact one of ours is treated like a key the server forgot: a fresh key, "needs login".
        var state = sessionBlob is null ? null : SessionStateCodec.TryRead(sessionBlob);
        var usable = state is not null;
        if (state is null && sessionBlob is not null)
        {
            ConnectionLog.NewKey(_logger, sessionName, _options.DefaultDcId);
        }

        var connection = new MtprotoTelegramConnection(sessionName, state ?? new SessionState(_options.DefaultDcId), store, _options, _logger, Forget);
        try
        {
            await connection.OpenAsync(usable, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        lock (_gate)
        {
            if (!_disposed)
            {
                _open[sessionName] = connection;
                return connection;
            }
        }

        await connection.DisposeAsync();
        throw new ObjectDisposedException(nameof(MtprotoTelegramConnector));
    }

    public async ValueTask DisposeAsync()
    {
        List<MtprotoTelegramConnection> open;
        lock (_gate)
        {
            _disposed = true;
            open = [.. _open.Values];
            _open.Clear();
        }

        foreach (var connection in open)
        {
            await connection.DisposeAsync();
        }
    }

    private void Forget(MtprotoTelegramConnection connection)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(connection.SessionName, out var known) && ReferenceEquals(known, connection))
            {
                _open.Remove(connection.SessionName);
            }
        }
    }

    private void ThrowIfDisposed()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }
    }
}
