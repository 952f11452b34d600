using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// The emulator's MTProto 2.0 TCP server: a listener and one independent loop per client connection over a shared
/// <see cref="TelegramWorld"/>. It owns an RSA key pair (generated unless given); clients must trust
/// <see cref="PublicKey"/>. A failing connection never takes the listener or other connections with it.
/// </summary>
public sealed class MtprotoServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly ConcurrentDictionary<long, ServerConnection> _live = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private long _nextConnectionId;
    private long _accepted;
    private long _authKeysCreated;

    public MtprotoServer(TelegramWorld world, RsaPrivateKey? rsaKey = null, MtprotoServerOptions? options = null, ILogger<MtprotoServer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        World = world;
        RsaKey = rsaKey ?? RsaPrivateKey.Generate();
        Options = options ?? new MtprotoServerOptions();
        Logger = logger ?? NullLogger<MtprotoServer>.Instance;
        Faults = new MtprotoServerFaults(this);
    }

    public RsaPublicKey PublicKey => RsaKey.PublicKey;

    public MtprotoServerOptions Options { get; }

    public MtprotoServerFaults Faults { get; }

    /// <summary>Where the server listens (after <see cref="Start"/>); port 0 becomes the port the OS chose.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndpoint ?? throw new InvalidOperationException("The server is not started.");

    public long ConnectionsAccepted => Interlocked.Read(ref _accepted);

    public int LiveConnections => _connections.Count;

    public long AuthKeysCreated => Interlocked.Read(ref _authKeysCreated);

    /// <summary>True while the accept loop runs (a hostile connection must never end it).</summary>
    public bool IsListening => _acceptLoop is { IsCompleted: false };

    internal TelegramWorld World { get; }

    internal RsaPrivateKey RsaKey { get; }

    internal ILogger Logger { get; }

    internal TimeProvider Time => World.Time;

    internal ConcurrentDictionary<long, ServerKeyState> Keys { get; } = new();

    internal RpcDispatcher Dispatcher { get; private set; } = null!;

    /// <summary>The DCs this server's world is served on (its own included), once started.</summary>
    public MtprotoDcSet Dcs { get; private set; } = null!;

    public void Start(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        _listener = new TcpListener(endPoint);
        _listener.Start();
        Dcs = Options.Dcs ?? new MtprotoDcSet();
        Dcs.Add(Options.DcId, LocalEndPoint);
        Dispatcher = new RpcDispatcher(Dcs, Options, Time);
        ServerLog.Listening(Logger, LocalEndPoint, PublicKey.Fingerprint);
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
    }

    internal void CountAuthKeyCreated() => Interlocked.Increment(ref _authKeysCreated);

    /// <summary>Pushes one updates object to the live connections logged in as a user (every logged-in one when null).</summary>
    internal int PushToConnections(long? userId, Signals.Telegram.Tl.TlObject updates)
    {
        var count = 0;
        foreach (var connection in _live.Values)
        {
            if (connection.LoggedInUserId is { } id && (userId is null || userId == id))
            {
                connection.Push(updates);
                count++;
            }
        }

        return count;
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException)
            {
                // A connection that died between SYN and accept; the listener itself is fine.
                continue;
            }
            catch (ObjectDisposedException)
            {
                break;
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref _accepted);
            var id = Interlocked.Increment(ref _nextConnectionId);
            var connection = new ServerConnection(this, socket, id);
            _live[id] = connection;
            _connections[id] = Task.Run(async () =>
            {
                try
                {
                    await connection.RunAsync(cancellationToken);
                }
                finally
                {
                    _live.TryRemove(id, out _);
                    _connections.TryRemove(id, out _);
                }
            }, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener?.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        await Task.WhenAll(_connections.Values);
        _stopping.Dispose();
    }
}
