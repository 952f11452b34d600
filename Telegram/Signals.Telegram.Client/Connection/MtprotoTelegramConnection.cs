using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Signals.Telegram.Client.Peers;
using Signals.Telegram.Client.Reading;
using Signals.Telegram.Client.Sending;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Client.Updates;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Port;
using Signals.Telegram.Tl;
using ChannelsJoinChannel = Signals.Telegram.Tl.Channels.JoinChannel;
using UsersGetUsers = Signals.Telegram.Tl.Users.GetUsers;

using Signals.Telegram.Client.Connection;

namespace Signals.Telegram.Client;

/// <summary>
/// The port's connection over MTProto: a sender to the session's home DC (others opened when a call must go there),
/// the login, peers, history, sending and the update state machine, all keeping their state in the session blob,
/// which is handed to the owner's store whenever it changes.
/// </summary>
public sealed class MtprotoTelegramConnection : ITelegramConnection
{
    private static readonly HashSet<string> LoginGoneErrors =
    [
        "AUTH_KEY_UNREGISTERED", "AUTH_KEY_INVALID", "AUTH_KEY_PERM_EMPTY", "SESSION_REVOKED", "SESSION_EXPIRED",
        "USER_DEACTIVATED", "USER_DEACTIVATED_BAN",
    ];

    /// <summary>
    /// The *_MIGRATE_X answers that say the account itself lives on DC X (https://core.telegram.org/api/errors#303-see-other).
    /// FILE_MIGRATE_X and STATS_MIGRATE_X name the DC of one file or one statistics call, never the account's home.
    /// </summary>
    private static readonly HashSet<string> HomeMoves = ["PHONE_MIGRATE_X", "USER_MIGRATE_X", "NETWORK_MIGRATE_X"];

    private readonly MtprotoConnectorOptions _options;
    private readonly SessionState _state;
    private readonly CoalescingSaver _saver;
    private readonly ILogger _logger;
    private readonly Action<MtprotoTelegramConnection> _onClosed;
    private readonly DcSenders _senders;
    private readonly SemaphoreSlim _moving = new(1, 1);
    private readonly UpdateEngine _engine;
    private readonly MtprotoLogin _login;
    private readonly PeerResolver _resolver;
    private readonly HistoryReader _history;
    private readonly MessageSender _sending;
    private readonly IMtprotoInvoker _invoker;
    private MtprotoSender? _home;
    private volatile bool _open;
    private int _disposed;

    internal MtprotoTelegramConnection(
        string sessionName,
        SessionState state,
        ITelegramSessionStore store,
        MtprotoConnectorOptions options,
        ILogger logger,
        Action<MtprotoTelegramConnection> onClosed)
    {
        SessionName = sessionName;
        _options = options;
        _state = state;
        _logger = logger;
        _onClosed = onClosed;
        _saver = new CoalescingSaver(store, () => SessionStateCodec.Write(_state), logger);
        _state.Changed += _saver.RequestSave;
        _senders = new DcSenders(options, state, sessionName, store as ISessionFence, logger);
        _invoker = new RoutedInvoker(this);
        var updateOptions = new UpdateEngineOptions(options.GapWait, options.IdleResync, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 100, options.Time);
        _engine = new UpdateEngine(_invoker, state, updateOptions, sessionName, logger);
        _login = new MtprotoLogin(_invoker, new MtprotoLoginOptions { ApiId = options.ApiId, ApiHash = options.ApiHash });
        _resolver = new PeerResolver(_invoker, state, new TokenBucket(options.ResolveBurst, options.ResolveInterval, options.Time), sessionName, logger);
        _history = new HistoryReader(_invoker, state);
        _sending = new MessageSender(_invoker, options.Time, _engine.Post);
    }

    public string SessionName { get; }

    public TelegramUser? Me => _state.User;

    public bool IsOpen => _open;

    public ChannelReader<ChannelUpdate> Updates => _engine.Output;

    /// <summary>The DC the session's account lives on (it changes with a migration).</summary>
    public int HomeDcId => _state.HomeDcId;

    /// <summary>The session blob as it is now (the same bytes the store receives).</summary>
    public byte[] SessionBlob => SessionStateCodec.Write(_state);

    /// <summary>contacts.resolveUsername calls made so far (cache hits make none).</summary>
    public int ResolveCalls => _resolver.ResolveCalls;

    /// <summary>Saves of the blob started so far (changes in between are coalesced).</summary>
    public int SavesStarted => _saver.SavesStarted;

    internal async Task OpenAsync(bool blobWasUsable, CancellationToken cancellationToken)
    {
        _home = await _senders.GetOrOpenAsync(_state.HomeDcId, cancellationToken);
        _open = true;
        StartPump(_home);
        if (!blobWasUsable)
        {
            _saver.RequestSave();
        }

        await CheckLoginAsync(cancellationToken);
        _engine.Start();
        if (_state.User is not null)
        {
            _engine.RequestResync();
        }
    }

    public Task<LoginCodeSent> SendCodeAsync(string phoneNumber, CancellationToken cancellationToken) =>
        _login.SendCodeAsync(phoneNumber, cancellationToken);

    public async Task<LoginOutcome> SignInAsync(string phoneNumber, string phoneCodeHash, string code, CancellationToken cancellationToken) =>
        LoggedIn(await _login.SignInAsync(phoneNumber, phoneCodeHash, code, cancellationToken));

    public async Task<LoginOutcome> CheckPasswordAsync(string password, CancellationToken cancellationToken) =>
        LoggedIn(await _login.CheckPasswordAsync(password, cancellationToken));

    public Task<TelegramPeer> ResolvePeerAsync(string usernameOrId, CancellationToken cancellationToken) =>
        _resolver.ResolveAsync(usernameOrId, cancellationToken);

    public async Task JoinChannelAsync(TelegramPeer channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        try
        {
            _engine.Post(await _invoker.CallAsync(new ChannelsJoinChannel { Channel = TlPeers.ToInputChannel(channel) }, cancellationToken));
        }
        catch (TelegramException error) when (error.ErrorCode == "USER_ALREADY_PARTICIPANT")
        {
            // Already a member: the join's goal holds.
        }

        _state.RememberPeer(channel);
        if (_state.Channel(channel.Id) is null)
        {
            // A box for the channel from now on (its pts and newest id), so posts made while offline are fetched later.
            await _history.LatestMessageIdAsync(channel, cancellationToken);
        }
    }

    public Task<IReadOnlyList<ChannelPost>> GetHistoryAsync(TelegramPeer channel, int afterMessageId, int limit, CancellationToken cancellationToken) =>
        _history.ReadAfterAsync(channel, afterMessageId, limit, cancellationToken);

    public Task<int> GetLatestMessageIdAsync(TelegramPeer channel, CancellationToken cancellationToken) =>
        _history.LatestMessageIdAsync(channel, cancellationToken);

    public Task<SentMessage> SendMessageAsync(TelegramPeer destination, string html, long randomId, CancellationToken cancellationToken) =>
        _sending.SendAsync(destination, html, randomId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _open = false;
        await _engine.DisposeAsync();
        await _senders.DisposeAsync();
        _state.Changed -= _saver.RequestSave;
        await _saver.FlushAsync();
        _moving.Dispose();
        _onClosed(this);
    }

    /// <summary>
    /// Every call goes here: to the home DC's sender; a *_MIGRATE_X answer moves the session to that DC (carrying the
    /// login over with auth.exportAuthorization / importAuthorization when there is one) and repeats the call there; an
    /// answer that says the login is gone turns the session into "needs login" and is passed on.
    /// </summary>
    internal async Task<TResult> InvokeRoutedAsync<TResult>(TlFunction<TResult> request, CancellationToken cancellationToken)
        where TResult : notnull
    {
        for (var moves = 0; ; moves++)
        {
            var home = _home ?? throw new InvalidOperationException("The connection is not open.");
            try
            {
                return await home.InvokeAsync(request, cancellationToken);
            }
            catch (RpcErrorException error) when (moves < 3 && RpcErrors.ToException(error) is TelegramMigrateException migrate && HomeMoves.Contains(migrate.ErrorCode))
            {
                await MoveHomeAsync(home, migrate.DcId, migrate.ErrorCode, cancellationToken);
            }
            catch (Exception stopped) when ((stopped is ObjectDisposedException || stopped is MtprotoException { InnerException: ObjectDisposedException })
                && moves < 3 && Volatile.Read(ref _disposed) == 0 && !ReferenceEquals(Volatile.Read(ref _home), home))
            {
                // The session moved to another DC while this call was on the old one, and the move closed that DC's
                // sender under it: the call was not answered, so it is repeated on the new home. A repeat is safe where
                // it matters: a send carries its random_id, which the server deduplicates.
            }
            catch (RpcErrorException error) when (error.Code == 401 && LoginGoneErrors.Contains(error.ErrorMessage))
            {
                CloseIfLoginWasLost(LoginLost(error.ErrorMessage), error.ErrorMessage);
                throw;
            }
            catch (MtprotoException error) when (error.TransportErrorCode is -404)
            {
                CloseIfLoginWasLost(LoginLost("AUTH_KEY_UNREGISTERED"), "AUTH_KEY_UNREGISTERED");
                throw;
            }
            catch (MtprotoException error) when (error.Fenced)
            {
                throw SessionFenced.Exception();
            }
        }
    }

    private async Task MoveHomeAsync(MtprotoSender from, int dcId, string reason, CancellationToken cancellationToken)
    {
        await _moving.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(_home, from) || _state.HomeDcId == dcId)
            {
                return;
            }

            var fromDc = _state.HomeDcId;
            ConnectionLog.Migrating(_logger, SessionName, fromDc, dcId, reason);
            var exported = _state.User is null
                ? null
                : await from.InvokeAsync(new Tl.Auth.ExportAuthorization { DcId = dcId }, cancellationToken);
            var target = await _senders.GetOrOpenAsync(dcId, cancellationToken);
            if (exported is not null && _state.Key(dcId) is not { Authorized: true })
            {
                var imported = await target.InvokeAsync(new Tl.Auth.ImportAuthorization { Id = exported.Id, Bytes = exported.Bytes }, cancellationToken);
                if (imported is Tl.Auth.Authorization { User: User user })
                {
                    _state.SetUser(TlPeers.ToUser(user));
                }

                _state.MarkAuthorized(dcId);
            }

            _state.SetHomeDc(dcId);
            _home = target;
            StartPump(target);
            await _senders.CloseAsync(fromDc);
        }
        finally
        {
            _moving.Release();
        }
    }

    /// <summary>users.getUsers([self]) tells whether the key is logged in (401 = not); any other failure keeps what the blob says.</summary>
    private async Task CheckLoginAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Bounded: a server that keeps the socket alive but never answers must not hold the owner's connect forever.
            var users = await _invoker.InvokeAsync(new UsersGetUsers { Id = [new InputUserSelf()] }, cancellationToken)
                .WaitAsync(_options.ConnectTimeout, _options.Time, cancellationToken);
            if (users.OfType<User>().FirstOrDefault() is { } self)
            {
                _state.SetUser(TlPeers.ToUser(self));
                _state.MarkAuthorized(_state.HomeDcId);
            }
        }
        catch (RpcErrorException error) when (error.Code == 401)
        {
            if (_state.User is not null)
            {
                LoginLost(error.ErrorMessage);
            }
        }
        catch (RpcErrorException)
        {
            // A server that does not serve users.getUsers: trust the blob's record of the login.
        }
        catch (Exception error) when (error is MtprotoException or ObjectDisposedException or TimeoutException)
        {
            // The owner only knows the port's typed errors; it reconnects with backoff on a transient one.
            throw new TelegramTransientException("CONNECT_FAILED", "CONNECT_FAILED: the connection failed while checking the login", error);
        }
    }

    private LoginOutcome LoggedIn(LoginOutcome outcome)
    {
        if (outcome is { Status: LoginStatus.LoggedIn, User: { } user })
        {
            _state.SetUser(user);
            _state.MarkAuthorized(_state.HomeDcId);
            _engine.RequestResync();
        }

        return outcome;
    }

    /// <summary>Forgets the login; true when there was one to forget.</summary>
    private bool LoginLost(string reason)
    {
        var wasLoggedIn = _state.User is not null;
        if (wasLoggedIn)
        {
            ConnectionLog.LoginLost(_logger, SessionName, reason);
        }

        _state.ForgetLogin();
        return wasLoggedIn;
    }

    /// <summary>
    /// Telegram logged a live session out (revoked from another device, say): the connection closes, so its owner
    /// reconnects and finds "needs login" instead of holding a connection that looks open and never receives anything.
    /// Runs apart from the caller, which may be the update loop itself.
    /// </summary>
    private void CloseIfLoginWasLost(bool wasLoggedIn, string reason)
    {
        if (!wasLoggedIn || !_open || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        _open = false;
        _ = Task.Run(async () =>
        {
            await _engine.StopAsync(new TelegramUnauthorizedException(reason));
            _onClosed(this);
        });
    }

    private void StartPump(MtprotoSender sender) => _ = Task.Run(() => PumpAsync(sender));

    /// <summary>Feeds what the home DC pushes into the update engine; when the sender gives up, the connection is closed.</summary>
    private async Task PumpAsync(MtprotoSender sender)
    {
        Exception? failure = null;
        try
        {
            await foreach (var pushed in sender.Updates.ReadAllAsync())
            {
                if (pushed is UpdatesBase updates)
                {
                    _engine.Post(updates);
                }
            }
        }
        catch (Exception error)
        {
            failure = error;
        }

        if (!ReferenceEquals(_home, sender) || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        ConnectionLog.ConnectionLost(_logger, SessionName, failure);
        TelegramException reason;
        if (failure is MtprotoException { TransportErrorCode: -404 })
        {
            // "Needs login" is recorded before the connection reads as closed, so an owner that sees it closed sees why.
            LoginLost("AUTH_KEY_UNREGISTERED");
            reason = new TelegramUnauthorizedException("AUTH_KEY_UNREGISTERED");
        }
        else if (failure is MtprotoException { Fenced: true })
        {
            reason = SessionFenced.Exception();
        }
        else
        {
            reason = new TelegramTransientException("CONNECTION_LOST", "CONNECTION_LOST: the connection to Telegram was lost", failure);
        }

        _open = false;

        await _engine.StopAsync(reason);
        _onClosed(this);
    }

    private sealed class RoutedInvoker(MtprotoTelegramConnection connection) : IMtprotoInvoker
    {
        public Task<TResult> InvokeAsync<TResult>(TlFunction<TResult> request, CancellationToken cancellationToken)
            where TResult : notnull =>
            connection.InvokeRoutedAsync(request, cancellationToken);
    }
}
