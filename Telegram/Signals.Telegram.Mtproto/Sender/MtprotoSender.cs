using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;
using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Auth;
using Signals.Telegram.Mtproto.Session;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Service;
using HelpGetConfig = Signals.Telegram.Tl.Help.GetConfig;

namespace Signals.Telegram.Mtproto.Sender;

/// <summary>
/// The I/O loop around <see cref="MtprotoSession"/>: connects (creating an auth key when the store has none), opens
/// every connection with invokeWithLayer(initConnection(help.getConfig)), sends queued calls, matches answers,
/// pings, and on a broken connection reconnects and resends whatever was not answered — on the same session, so each
/// call completes once. Updates arrive on <see cref="Updates"/>.
/// </summary>
public sealed class MtprotoSender : IAsyncDisposable
{
    private readonly MtprotoSenderOptions _options;
    private readonly ISessionStore _store;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _disposing = new();
    private readonly Channel<TlObject> _updates = Channel.CreateUnbounded<TlObject>();
    private readonly HashSet<TaskCompletionSource<RpcResult>> _waiting = [];
    private readonly TaskCompletionSource<Config> _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MtprotoSession? _session;
    private Task? _supervisor;
    private Exception? _fatal;
    private int _connections;
    private int _initializedConnections;

    public MtprotoSender(MtprotoSenderOptions options, ISessionStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        _options = options;
        _store = store;
    }

    public ChannelReader<TlObject> Updates => _updates.Reader;

    /// <summary>TCP connections opened so far (1 + reconnects).</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    public AuthKey? AuthKey
    {
        get
        {
            lock (_gate)
            {
                return _session?.AuthKey;
            }
        }
    }

    public long Salt
    {
        get
        {
            lock (_gate)
            {
                return _session?.Salt ?? 0;
            }
        }
    }

    public int TimeOffsetSeconds
    {
        get
        {
            lock (_gate)
            {
                return _session?.MessageIds.TimeOffsetSeconds ?? 0;
            }
        }
    }

    /// <summary>Connects and returns the server's config (the answer to the first initConnection).</summary>
    public async Task<Config> ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_supervisor is not null)
        {
            throw new InvalidOperationException("ConnectAsync was called already.");
        }

        if (await _store.LoadAsync(cancellationToken) is { } bytes)
        {
            var blob = SessionBlob.FromBytes(bytes);
            _session = new MtprotoSession(blob.AuthKey, blob.Salt, _options.Time, blob.TimeOffsetSeconds);
        }

        _supervisor = Task.Run(() => SuperviseAsync(_disposing.Token), CancellationToken.None);
        return await _firstConnection.Task.WaitAsync(cancellationToken);
    }

    public async Task<TResult> InvokeAsync<TResult>(TlFunction<TResult> request, CancellationToken cancellationToken = default)
        where TResult : notnull
    {
        var result = await SendAsync(request, cancellationToken);
        return result.ReadResult(request);
    }

    public async Task<object> InvokeAsync(TlFunction request, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(request, cancellationToken);
        return result.ReadResultObject(request);
    }

    private async Task<RpcResult> SendAsync(TlObject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A call cancelled before it starts is never sent (and cannot race its own answer).
        cancellationToken.ThrowIfCancellationRequested();
        var completion = new TaskCompletionSource<RpcResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        PendingRequest pending;
        lock (_gate)
        {
            if (_fatal is not null)
            {
                // Keep why it stopped visible on later calls: a fenced or forgotten key must not read as a dropped line.
                throw new MtprotoException("The sender has stopped.", _fatal)
                {
                    Fenced = _fatal is MtprotoException { Fenced: true },
                    TransportErrorCode = (_fatal as MtprotoException)?.TransportErrorCode,
                };
            }

            if (_session is null)
            {
                throw new InvalidOperationException("Connect first.");
            }

            pending = _session.Enqueue(request);
            pending.State = completion;
            _waiting.Add(completion);
        }

        _wake.Release();
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _session.Cancel(pending);
                _waiting.Remove(completion);
            }

            completion.TrySetCanceled(cancellationToken);
        });
        var result = await completion.Task;
        if (result.TryGetError(out var error))
        {
            throw new RpcErrorException(error.ErrorCode, error.ErrorMessage);
        }

        return result;
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var failures = 0;
        Exception? last = null;
        while (!stopping.IsCancellationRequested)
        {
            SenderConnection? connection = null;
            try
            {
                ThrowIfFenced();
                connection = await SenderConnection.OpenAsync(_options.Host, _options.Port, _options.Transport, stopping);
                Interlocked.Increment(ref _connections);
                if (_session is null)
                {
                    await CreateAuthKeyAsync(connection, stopping);
                }

                await RunConnectionAsync(connection, OnInitialized, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (MtprotoException e) when (e.TransportErrorCode is -404 || e.Fenced)
            {
                // The server does not know our key (or revoked it): reconnecting cannot help.
                Fail(e);
                return;
            }
            catch (Exception e)
            {
                failures++;
                last = e;
            }
            finally
            {
                connection?.Dispose();
            }

            if (failures >= _options.MaxReconnectAttempts)
            {
                Fail(new MtprotoException($"Gave up after {failures} failed connection attempts.", last!));
                return;
            }

            try
            {
                await Task.Delay(ReconnectDelay(failures), stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Fail(new ObjectDisposedException(nameof(MtprotoSender)));

        void OnInitialized()
        {
            failures = 0;
            if (Interlocked.Increment(ref _initializedConnections) > 1 && _options.SignalReconnectAsUpdatesTooLong)
            {
                _updates.Writer.TryWrite(new UpdatesTooLong());
            }
        }
    }

    private TimeSpan ReconnectDelay(int failures)
    {
        if (_options.MaxReconnectDelay is not { } ceiling || failures <= 1)
        {
            return _options.ReconnectDelay;
        }

        var grown = _options.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return grown < ceiling ? grown : ceiling;
    }

    private async Task CreateAuthKeyAsync(SenderConnection connection, CancellationToken cancellationToken)
    {
        var ids = new MessageIdGenerator(_options.Time);
        var handshake = new ClientHandshake(_options.ServerKeys, _options.DcId, _options.Time);
        var request = handshake.Start();
        while (true)
        {
            ThrowIfFenced();
            await connection.SendAsync(PlainMessage.Encode(ids.Next(), request), cancellationToken);
            var answer = await connection.ReceiveAsync(cancellationToken);
            if (!PlainMessage.TryDecode(answer, out _, out var body))
            {
                throw new HandshakeException("The server's answer is not a plain message.");
            }

            var step = handshake.Handle(body);
            if (step.Result is { } result)
            {
                lock (_gate)
                {
                    _session = new MtprotoSession(result.AuthKey, result.ServerSalt, _options.Time, result.TimeOffsetSeconds);
                }

                await SaveAsync(cancellationToken);
                return;
            }

            request = step.Reply!;
        }
    }

    private async Task RunConnectionAsync(SenderConnection connection, Action onInitialized, CancellationToken stopping)
    {
        using var broken = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var init = new TaskCompletionSource<RpcResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _session!.RequeueUnanswered();
            _session.EnqueueFirst(InitRequest()).State = init;
        }

        _ = init.Task.ContinueWith(
            async t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    onInitialized();
                    await SaveAsync(CancellationToken.None);
                    if (t.Result.TryGetError(out var error))
                    {
                        _firstConnection.TrySetException(new RpcErrorException(error.ErrorCode, error.ErrorMessage));
                    }
                    else
                    {
                        _firstConnection.TrySetResult((Config)t.Result.ReadResultObject(InitRequest()));
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var receiving = ReceiveLoopAsync(connection, broken.Token);
        var sending = SendLoopAsync(connection, broken.Token);
        var first = await Task.WhenAny(receiving, sending);
        await broken.CancelAsync();
        try
        {
            await Task.WhenAll(receiving, sending);
        }
        catch (OperationCanceledException) when (!first.IsFaulted)
        {
            // The other loop stopped because we cancelled it.
        }
        catch when (first.IsFaulted)
        {
            await first;
        }
    }

    private async Task ReceiveLoopAsync(SenderConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            var payload = await connection.ReceiveAsync(cancellationToken);
            IReadOnlyList<SessionEvent> events;
            bool owesSomething;
            lock (_gate)
            {
                events = _session!.Receive(payload);
                owesSomething = _session.HasOutgoing;
            }

            foreach (var sessionEvent in events)
            {
                Deliver(sessionEvent);
            }

            if (owesSomething)
            {
                _wake.Release();
            }
        }
    }

    private async Task SendLoopAsync(SenderConnection connection, CancellationToken cancellationToken)
    {
        long pingId = 0;
        _wake.Release();
        while (true)
        {
            if (!await _wake.WaitAsync(_options.PingInterval, cancellationToken))
            {
                // Quiet for a whole interval: ask the server to drop us if we fall silent, as Telegram's clients do.
                var delay = (int)Math.Ceiling(_options.PingInterval.TotalSeconds * 1.5) + 15;
                lock (_gate)
                {
                    _session!.Enqueue(new PingDelayDisconnect { PingId = ++pingId, DisconnectDelay = delay });
                }
            }

            while (true)
            {
                byte[]? message;
                lock (_gate)
                {
                    message = _session!.Pack();
                }

                if (message is null)
                {
                    break;
                }

                ThrowIfFenced();
                await connection.SendAsync(message, cancellationToken);
            }
        }
    }

    private void ThrowIfFenced()
    {
        if (_options.MayTransmit is { } mayTransmit && !mayTransmit())
        {
            throw new MtprotoException("The session's owner no longer holds it; nothing more is sent on this connection.") { Fenced = true };
        }
    }

    private void Deliver(SessionEvent sessionEvent)
    {
        switch (sessionEvent)
        {
            case RequestAnswered { Request.State: TaskCompletionSource<RpcResult> completion } answered:
                Forget(completion);
                completion.TrySetResult(answered.Result);
                break;
            case RequestRejected { Request.State: TaskCompletionSource<RpcResult> completion } rejected:
                Forget(completion);
                completion.TrySetException(new MtprotoException($"The server rejected {rejected.Request.Request} (bad_msg_notification {rejected.ErrorCode})."));
                break;
            case UnsolicitedMessage unsolicited:
                _updates.Writer.TryWrite(unsolicited.Message);
                break;
        }
    }

    private void Forget(TaskCompletionSource<RpcResult> completion)
    {
        lock (_gate)
        {
            _waiting.Remove(completion);
        }
    }

    private void Fail(Exception reason)
    {
        List<TaskCompletionSource<RpcResult>> waiting;
        lock (_gate)
        {
            _fatal ??= reason;
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        foreach (var completion in waiting)
        {
            completion.TrySetException(reason);
        }

        _firstConnection.TrySetException(reason);
        _updates.Writer.TryComplete(reason is ObjectDisposedException ? null : reason);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        SessionBlob blob;
        lock (_gate)
        {
            blob = new SessionBlob(_options.DcId, _session!.AuthKey, _session.Salt, _session.MessageIds.TimeOffsetSeconds);
        }

        await _store.SaveAsync(blob.ToBytes(), cancellationToken);
    }

    private InvokeWithLayer InitRequest() => new()
    {
        Layer = TlLayer.Current,
        Query = new InitConnection
        {
            ApiId = _options.ApiId,
            DeviceModel = _options.DeviceModel,
            SystemVersion = _options.SystemVersion,
            AppVersion = _options.AppVersion,
            SystemLangCode = _options.LangCode,
            LangPack = "",
            LangCode = _options.LangCode,
            Params = _options.ConnectionParams.Count == 0
                ? null
                : new JsonObject { Value = [.. _options.ConnectionParams.Select(p => new JsonObjectValue { Key = p.Key, Value = new JsonString { Value = p.Value } })] },
            Query = new HelpGetConfig(),
        },
    };

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        if (_supervisor is not null)
        {
            await _supervisor;
        }

        Fail(new ObjectDisposedException(nameof(MtprotoSender)));
        _disposing.Dispose();
        _wake.Dispose();
    }
}
