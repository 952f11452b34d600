using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signals.Feed;
using Signals.Catalog;
using Signals.Channels;
using Signals.Diagnostics;
using Signals.Infrastructure;
using Signals.Ownership;
using Signals.Sessions.Ownership;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Port;

namespace Signals.Sessions;

/// <summary>
/// Owns one Telegram session: the only place in the cluster that holds its connection. Orleans' single activation
/// keeps it unique in the normal case; a fenced lease keeps it unique when that is not enough (a paused silo, a second
/// cluster on the same Redis): no connection without the lease, the connection closes the moment the lease is lost,
/// and state is written only with the lease's fencing token, encrypted (<see cref="SessionVault"/>). The grain stays
/// active while logged in (keep-alive timer) and a reminder brings it back after its silo died.
/// </summary>
public sealed class TelegramSessionGrain(
    SessionVault vault,
    ISessionLeases leases,
    IOptions<LeaseOptions> leaseOptions,
    ITelegramConnector connector,
    IOptions<SessionOptions> options,
    TimeProvider time,
    ILogger<TelegramSessionGrain> logger) : Grain, ITelegramSessionGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";

    private readonly SessionOptions _options = options.Value;
    private readonly string _ownerId = Guid.NewGuid().ToString("N");
    private SessionState _state = new();
    private LeaseKeeper? _lease;
    private string? _ownershipNote;
    private readonly SessionBlobInbox _blobInbox = new();
    private ITelegramConnection? _connection;
    private CancellationTokenRegistration _leaseLossRegistration;
    private IGrainTimer? _pump;
    private SessionConnectionState _connectionState = SessionConnectionState.Disconnected;
    private DateTimeOffset? _connectedSince;
    private DateTimeOffset _nextConnectAttempt = DateTimeOffset.MinValue;
    private int _consecutiveFailures;
    private TimeSpan _waitedForLease;
    private string? _lastError;
    private string? _pendingPhone;
    private string? _pendingCodeHash;
    private bool _stopping;
    private bool _stateDirty;
    private Task? _connecting;
    private readonly HashSet<string> _catchUpDue = [];
    private DateTimeOffset _catchUpAt;

    private string Name => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The connection writes nothing once this activation no longer holds the lease by its own clock (a paused
        // process wakes up to an expired lease): the fence is checked on the connection's threads, before every write.
        _blobInbox.Fence = () => Volatile.Read(ref _lease) is { IsHeld: true };

        // Throws when the state cannot be decrypted: the activation fails and nothing is ever written over it.
        _state = await vault.LoadAsync(Name) ?? new SessionState();
        _pump = this.RegisterGrainTimer(
            PumpAsync,
            new GrainTimerCreationOptions(_options.PumpInterval, _options.PumpInterval) { KeepAlive = true, Interleave = false });
        if (_state.LoggedIn)
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, _options.WatchdogPeriod, _options.WatchdogPeriod, cancellationToken);
            await TryConnectAsync(cancellationToken);
        }
        else
        {
            _connectionState = SessionConnectionState.NeedsLogin;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _pump?.Dispose();
        await CloseConnectionAsync();
        await PersistBlobIfChangedAsync();

        // After the connection is closed: releasing lets the next owner connect at once (a graceful hand-over).
        await ReleaseLeaseAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public Task<SessionStatus> GetStatusAsync() => Task.FromResult(BuildStatus());

    public async Task<SessionStatus> EnsureRunningAsync()
    {
        if (_state.LoggedIn && !IsConnected)
        {
            _nextConnectAttempt = DateTimeOffset.MinValue;
            await TryConnectAsync(CancellationToken.None);
        }

        return BuildStatus();
    }

    public async Task DisconnectAsync()
    {
        _stopping = true;
        await CloseConnectionAsync();
        await PersistBlobIfChangedAsync();
        DeactivateOnIdle();
    }

    public async Task<LoginStepResult> StartLoginAsync(string phoneNumber)
    {
        if (string.IsNullOrWhiteSpace(phoneNumber))
        {
            return new LoginStepResult(LoginStep.Failed, false, "A phone number is required.");
        }

        try
        {
            var connection = await RequireConnectionAsync(needsLogin: false);
            var sent = await connection.SendCodeAsync(phoneNumber.Trim(), CancellationToken.None);
            _pendingPhone = phoneNumber.Trim();
            _pendingCodeHash = sent.PhoneCodeHash;
            _connectionState = SessionConnectionState.AwaitingCode;
            return new LoginStepResult(LoginStep.CodeRequired, true, $"A {sent.CodeLength}-digit code was sent to the account's Telegram app.");
        }
        catch (TelegramException ex)
        {
            return new LoginStepResult(LoginStep.Failed, false, ex.Message);
        }
    }

    public async Task<LoginStepResult> SubmitCodeAsync(string code)
    {
        if (_pendingPhone is null || _pendingCodeHash is null)
        {
            return new LoginStepResult(LoginStep.Failed, false, "No login in progress: start with the phone number.");
        }

        try
        {
            var connection = await RequireConnectionAsync(needsLogin: false);
            var outcome = await connection.SignInAsync(_pendingPhone, _pendingCodeHash, code.Trim(), CancellationToken.None);
            return await CompleteLoginStepAsync(outcome);
        }
        catch (TelegramException ex)
        {
            return new LoginStepResult(LoginStep.Failed, false, ex.Message);
        }
    }

    public async Task<LoginStepResult> SubmitPasswordAsync(string password)
    {
        if (_connectionState != SessionConnectionState.AwaitingPassword)
        {
            return new LoginStepResult(LoginStep.Failed, false, "No password was asked for: start with the phone number.");
        }

        try
        {
            var connection = await RequireConnectionAsync(needsLogin: false);
            var outcome = await connection.CheckPasswordAsync(password, CancellationToken.None);
            return await CompleteLoginStepAsync(outcome);
        }
        catch (TelegramException ex)
        {
            return new LoginStepResult(LoginStep.Failed, false, ex.Message);
        }
    }

    public async Task<ChannelPeerInfo> JoinChannelAsync(string channel)
    {
        var name = Names.Channel(channel);
        var connection = await RequireConnectionAsync(needsLogin: true);
        var peer = await ResolveAsync(connection, name);
        if (peer.Kind != PeerKind.Channel)
        {
            throw new SessionCallException($"'{name}' is not a channel.", "PEER_NOT_CHANNEL", needsLogin: false, transient: false);
        }

        await Guard(() => connection.JoinChannelAsync(peer, CancellationToken.None));
        if (!_state.Channels.Contains(name))
        {
            _state.Channels.Add(name);
        }

        await WriteStateAsync();
        return new ChannelPeerInfo(name, peer.Id, peer.Title);
    }

    public async Task<IReadOnlyList<PostSnapshot>> GetHistoryAsync(string channel, int afterMessageId, int limit)
    {
        var name = Names.Channel(channel);
        var connection = await RequireConnectionAsync(needsLogin: true, interleaved: true);
        var peer = await ResolveAsync(connection, name, interleaved: true);
        var posts = await Guard(() => connection.GetHistoryAsync(peer, afterMessageId, Math.Clamp(limit, 1, 100), CancellationToken.None));
        return posts.Select(p => ToSnapshot(name, p)).ToList();
    }

    public async Task<int> GetLatestMessageIdAsync(string channel)
    {
        var name = Names.Channel(channel);
        var connection = await RequireConnectionAsync(needsLogin: true, interleaved: true);
        var peer = await ResolveAsync(connection, name, interleaved: true);
        return await Guard(() => connection.GetLatestMessageIdAsync(peer, CancellationToken.None));
    }

    public async Task<SendResult> SendAsync(SendRequest request)
    {
        using var activity = TraceContext.StartFrom("session.send", request.TraceParent, System.Diagnostics.ActivityKind.Client);
        try
        {
            var connection = await RequireConnectionAsync(needsLogin: true);
            var peer = await ResolveAsync(connection, Names.Channel(request.Destination));
            var sent = await Guard(() => connection.SendMessageAsync(peer, request.Html, request.RandomId, CancellationToken.None));
            _state.MessagesSent++;
            return new SendResult(sent.WasDuplicate ? SendOutcome.AlreadySent : SendOutcome.Sent, sent.MessageId, null, null);
        }
        catch (TelegramFloodWaitException ex)
        {
            return new SendResult(SendOutcome.FloodWait, null, ex.RetryAfter, ex.ErrorCode);
        }
        catch (SessionCallException ex)
        {
            var outcome = ex.NeedsLogin ? SendOutcome.NotLoggedIn : ex.Transient ? SendOutcome.Transient : SendOutcome.Permanent;
            return new SendResult(outcome, null, null, ex.ErrorCode);
        }
    }

    private bool IsConnected => _connection is { IsOpen: true };

    private async Task<LoginStepResult> CompleteLoginStepAsync(LoginOutcome outcome)
    {
        switch (outcome.Status)
        {
            case LoginStatus.LoggedIn when outcome.User is not null:
                _pendingPhone = null;
                _pendingCodeHash = null;
                _state.LoggedIn = true;
                _state.UserId = outcome.User.Id;
                _state.DisplayName = outcome.User.DisplayName;
                _connectionState = SessionConnectionState.Connected;
                await WriteStateAsync();
                await this.RegisterOrUpdateReminder(WatchdogReminder, _options.WatchdogPeriod, _options.WatchdogPeriod);
                SessionLog.LoggedIn(logger, Name, outcome.User.Id);
                Publish(FeedEntryKind.SessionChanged, "logged in");
                return new LoginStepResult(LoginStep.LoggedIn, true, $"Logged in as {outcome.User.DisplayName}.");
            case LoginStatus.PasswordNeeded:
                _connectionState = SessionConnectionState.AwaitingPassword;
                return new LoginStepResult(LoginStep.PasswordRequired, true, "The account has two-step verification: enter its password.");
            case LoginStatus.CodeInvalid:
                return new LoginStepResult(LoginStep.CodeRequired, false, "The code is not valid; try again.");
            case LoginStatus.CodeExpired:
                _pendingCodeHash = null;
                return new LoginStepResult(LoginStep.Failed, false, "The code expired; start the login again.");
            case LoginStatus.PasswordInvalid:
                return new LoginStepResult(LoginStep.PasswordRequired, false, "The password is not valid; try again.");
            case LoginStatus.PhoneNumberInvalid:
                return new LoginStepResult(LoginStep.Failed, false, "Telegram does not accept that phone number.");
            case LoginStatus.PhoneNumberBanned:
                return new LoginStepResult(LoginStep.Failed, false, "Telegram has banned that phone number.");
            default:
                return new LoginStepResult(LoginStep.Failed, false, $"Login failed ({outcome.Status}).");
        }
    }

    /// <param name="interleaved">
    /// The caller runs interleaved with other turns: it must neither open a connection (two turns could each open one,
    /// and two live connections on one key is exactly what Telegram punishes) nor write state.
    /// </param>
    private async Task<ITelegramConnection> RequireConnectionAsync(bool needsLogin, bool interleaved = false)
    {
        if (needsLogin && !_state.LoggedIn)
        {
            throw new SessionCallException($"Session '{Name}' is not logged in.", "NOT_LOGGED_IN", needsLogin: true, transient: false);
        }

        if (!IsConnected && !interleaved)
        {
            _nextConnectAttempt = DateTimeOffset.MinValue;
            await TryConnectAsync(CancellationToken.None);
        }

        if (_lease is { } held && !held.IsHeld)
        {
            throw new SessionCallException($"Session '{Name}' lost its lease; another owner takes over.", "NOT_OWNER", needsLogin: false, transient: true);
        }

        return _connection is { IsOpen: true } connection
            ? connection
            : throw new SessionCallException($"Session '{Name}' is not connected ({_lastError ?? "unknown error"}).", "NOT_CONNECTED", needsLogin: false, transient: true);
    }

    private Task TryConnectAsync(CancellationToken cancellationToken)
    {
        // One attempt at a time, even if turns interleave: a second concurrent connect would be a second live connection.
        if (_connecting is { IsCompleted: false } running)
        {
            return running;
        }

        _connecting = ConnectOnceAsync(cancellationToken);
        return _connecting;
    }

    private async Task ConnectOnceAsync(CancellationToken cancellationToken)
    {
        if (_stopping || time.GetUtcNow() < _nextConnectAttempt)
        {
            return;
        }

        await CloseConnectionAsync();
        if (!await HoldLeaseAsync())
        {
            return;
        }

        _connectionState = SessionConnectionState.Connecting;
        try
        {
            var connection = await connector.ConnectAsync(Name, _state.Blob, _blobInbox, cancellationToken);
            _connection = connection;
            var lease = _lease!;

            // Lost means lost now: close from the renewal thread itself, without waiting for a grain turn.
            _leaseLossRegistration = lease.LostToken.Register(() => _ = connection.DisposeAsync().AsTask());
            if (!lease.IsHeld)
            {
                await CloseConnectionAsync();
                return;
            }

            // A new session's auth key exists only in the connection until it is stored: persist before anything else.
            await PersistBlobIfChangedAsync();
            _consecutiveFailures = 0;
            _lastError = null;
            _connectedSince = time.GetUtcNow();
            if (_state.LoggedIn && _connection.Me is null)
            {
                throw new TelegramUnauthorizedException("AUTH_KEY_UNREGISTERED");
            }

            _connectionState = _state.LoggedIn ? SessionConnectionState.Connected : SessionConnectionState.NeedsLogin;
            SignalsTelemetry.SessionConnects.Add(1);
            SessionLog.Connected(logger, Name, _state.LoggedIn);
            if (_state.LoggedIn)
            {
                CatchUpAllReaders();
            }
        }
        catch (TelegramUnauthorizedException ex)
        {
            await HandleUnauthorizedAsync(ex.ErrorCode);
        }
        catch (TelegramException ex)
        {
            ScheduleReconnect(ex.ErrorCode);
        }
    }

    /// <summary>Acquires the session's lease (or keeps the one held); false when another owner has it, with the reason in the status.</summary>
    private async Task<bool> HoldLeaseAsync()
    {
        if (_lease is { IsHeld: true })
        {
            return true;
        }

        if (_lease is not null)
        {
            await ReleaseLeaseAsync();
        }

        var keeper = new LeaseKeeper(leases, Name, $"{RuntimeIdentity}/{_ownerId}", leaseOptions.Value, time);
        var started = time.GetUtcNow();
        LeaseAcquireResult result;
        try
        {
            result = await keeper.TryAcquireAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await keeper.DisposeAsync();
            ScheduleReconnect("LEASE_UNAVAILABLE");
            _ownershipNote = "the lease store could not be reached; no connection without the lease";
            return false;
        }

        switch (result)
        {
            case LeaseGranted:
                _lease = keeper;
                _ownershipNote = _connectionState == SessionConnectionState.OwnedElsewhere
                    ? $"took over after waiting for the previous owner's lease ({time.GetUtcNow() - started + _waitedForLease:g})"
                    : $"lease held (token {keeper.Token})";
                _waitedForLease = TimeSpan.Zero;
                return true;
            case LeaseHeld held:
                await keeper.DisposeAsync();
                _connectionState = SessionConnectionState.OwnedElsewhere;
                _waitedForLease += held.RetryAfter;
                _ownershipNote = held.Reason == LeaseHeldReason.Live
                    ? $"owned elsewhere ({held.Owner}); next attempt in {held.RetryAfter.TotalSeconds:0.0} s"
                    : $"waiting {held.RetryAfter.TotalSeconds:0.0} s after the previous owner's lease expired (safety margin)";
                _nextConnectAttempt = time.GetUtcNow() + held.RetryAfter;
                return false;
            default:
                await keeper.DisposeAsync();
                return false;
        }
    }

    private async Task ReleaseLeaseAsync()
    {
        var lease = _lease;
        _lease = null;
        if (lease is not null)
        {
            await lease.DisposeAsync();
        }
    }

    /// <summary>The lease is gone: the connection was already closed by the lease's own callback; this activation steps down.</summary>
    private async Task StepDownAsync(string why)
    {
        SessionLog.LeaseLost(logger, Name, why);
        await CloseConnectionAsync();
        await ReleaseLeaseAsync();
        _ownershipNote = $"lease lost ({why}); this activation stepped down";
        _connectionState = SessionConnectionState.OwnedElsewhere;
        _stopping = true;
        DeactivateOnIdle();
    }

    private void ScheduleReconnect(string error)
    {
        _consecutiveFailures++;
        var delay = TimeSpan.FromTicks(Math.Min(
            _options.MaxReconnectDelay.Ticks,
            _options.ReconnectDelay.Ticks * (1L << Math.Min(_consecutiveFailures - 1, 16))));
        _nextConnectAttempt = time.GetUtcNow() + delay;
        _lastError = error;
        _connectionState = SessionConnectionState.Backoff;
        SessionLog.ConnectFailed(logger, Name, error, delay);
    }

    private async Task HandleUnauthorizedAsync(string errorCode)
    {
        SessionLog.Unauthorized(logger, Name, errorCode);
        await CloseConnectionAsync();
        _ = _blobInbox.Take(); // the old key's last blob must not come back with the next write
        _state.LoggedIn = false;
        _state.Blob = null;
        _state.UserId = null;
        _lastError = errorCode;
        _connectionState = SessionConnectionState.NeedsLogin;
        await WriteStateAsync();
        await UnregisterWatchdogAsync();
        Publish(FeedEntryKind.SessionChanged, $"needs login ({errorCode})");
    }

    private async Task UnregisterWatchdogAsync()
    {
        var reminder = await this.GetReminder(WatchdogReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task CloseConnectionAsync()
    {
        // The lease outlives connections (reconnects keep it): its callback must not keep closed ones alive.
        await _leaseLossRegistration.DisposeAsync();
        _leaseLossRegistration = default;
        var connection = _connection;
        _connection = null;
        _connectedSince = null;
        if (connection is not null)
        {
            SignalsTelemetry.SessionDisconnects.Add(1);
            await connection.DisposeAsync();
            SessionLog.Disconnected(logger, Name);
        }

        if (_connectionState is SessionConnectionState.Connected or SessionConnectionState.Connecting)
        {
            _connectionState = SessionConnectionState.Disconnected;
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        if (_stopping)
        {
            return;
        }

        if (_lease is { } lease && lease.Token != 0 && !lease.IsHeld)
        {
            await StepDownAsync(lease.Loss?.ToString() ?? "expired");
            return;
        }

        await PersistBlobIfChangedAsync();
        if (_connection is null || !_connection.IsOpen)
        {
            if (_connection is not null)
            {
                SessionLog.ConnectionLost(logger, Name);
                _state.Reconnects++;
                await CloseConnectionAsync();
            }

            if (_state.LoggedIn)
            {
                await TryConnectAsync(cancellationToken);
            }

            return;
        }

        if (_catchUpDue.Count > 0 && time.GetUtcNow() >= _catchUpAt)
        {
            var due = _catchUpDue.ToList();
            _catchUpDue.Clear();
            CatchUpReaders(due);
        }

        var connection = _connection;
        var handled = 0;
        while (handled < _options.MaxUpdatesPerTurn && connection.Updates.TryRead(out var update))
        {
            handled++;
            await DispatchAsync(update);
        }

        if (handled > 0 || _stateDirty)
        {
            await WriteStateAsync();
        }
    }

    private async Task DispatchAsync(ChannelUpdate update)
    {
        var channel = FindChannelName(update.ChannelId);
        if (channel is null)
        {
            SessionLog.UnknownChannel(logger, Name, update.ChannelId);
            return;
        }

        var reader = GrainFactory.GetGrain<IChannelReaderGrain>(channel);
        try
        {
            switch (update.Kind)
            {
                case ChannelUpdateKind.NewPost when update.Post is not null:
                    await reader.OnPostAsync(ToSnapshot(channel, update.Post));
                    _state.PostsDispatched++;
                    break;
                case ChannelUpdateKind.EditedPost when update.Post is not null:
                    await reader.OnPostEditedAsync(ToSnapshot(channel, update.Post));
                    break;
                case ChannelUpdateKind.DeletedPosts:
                    await reader.OnPostsDeletedAsync(update.DeletedMessageIds);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The post is not lost: the reader's cursor did not move past it; a catch-up a moment later reads it from history.
            SessionLog.DispatchFailed(logger, Name, channel, ex);
            _catchUpDue.Add(channel);
            _catchUpAt = time.GetUtcNow() + _options.ReconnectDelay;
        }
    }

    private void CatchUpAllReaders() => CatchUpReaders(_state.Channels);

    private void CatchUpReaders(IEnumerable<string> channels)
    {
        foreach (var channel in channels)
        {
            var reader = GrainFactory.GetGrain<IChannelReaderGrain>(channel);

            // Not awaited: a reader catching up hours of history must not hold the session's turn; it calls back
            // into GetHistoryAsync, which interleaves.
            _ = reader.CatchUpAsync().ContinueWith(
                t => SessionLog.CatchUpFailed(logger, Name, channel, t.Exception!),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private string? FindChannelName(long channelId)
    {
        foreach (var (name, peer) in _state.Peers)
        {
            if (peer.Id == channelId && peer.Kind == (int)PeerKind.Channel && _state.Channels.Contains(name))
            {
                return name;
            }
        }

        return null;
    }

    private async Task<TelegramPeer> ResolveAsync(ITelegramConnection connection, string name, bool interleaved = false)
    {
        if (_state.Peers.TryGetValue(name, out var cached))
        {
            return new TelegramPeer((PeerKind)cached.Kind, cached.Id, cached.AccessHash, cached.Username, cached.Title);
        }

        var peer = await Guard(() => connection.ResolvePeerAsync(name, CancellationToken.None));
        _state.Peers[name] = new PeerCacheEntry((int)peer.Kind, peer.Id, peer.AccessHash, peer.Username, peer.Title);
        if (interleaved)
        {
            // Persisted by the next pump turn: interleaved writes could race another turn's write of the same state.
            _stateDirty = true;
        }
        else
        {
            await WriteStateAsync();
        }

        return peer;
    }

    /// <summary>Runs a Telegram call; a lost authorization turns the session into "needs login" instead of a retry loop.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (TelegramUnauthorizedException ex)
        {
            await HandleUnauthorizedAsync(ex.ErrorCode);
            throw new SessionCallException(ex.Message, ex.ErrorCode, needsLogin: true, transient: false);
        }
        catch (TelegramFloodWaitException)
        {
            // Callers that can wait (sends) handle it themselves; it is rethrown as is for them.
            throw;
        }
        catch (TelegramException ex)
        {
            throw new SessionCallException(ex.Message, ex.ErrorCode, needsLogin: false, transient: ex.Kind == TelegramErrorKind.Transient);
        }
    }

    private async Task Guard(Func<Task> call) => await Guard(async () =>
    {
        await call();
        return true;
    });

    private async Task PersistBlobIfChangedAsync()
    {
        var blob = _blobInbox.Take();
        if (blob is not null)
        {
            _state.Blob = blob;
            await WriteStateAsync();
        }
    }

    /// <summary>
    /// Writes with the lease's fencing token. Without a held lease nothing is written (a later owner's state wins);
    /// a refused write means a newer owner exists, and this activation steps down.
    /// </summary>
    private async Task WriteStateAsync()
    {
        // Whatever the connection handed over last goes with this write (a login that moved DC changed the blob).
        if (_blobInbox.Take() is { } pending)
        {
            _state.Blob = pending;
        }

        if (_lease is not { IsHeld: true } lease)
        {
            _stateDirty = true;
            return;
        }

        _stateDirty = false;
        if (!await vault.SaveAsync(Name, lease.Token, _state))
        {
            await StepDownAsync("a newer owner's fencing token refused this write");
        }
    }

    private void Publish(FeedEntryKind kind, string detail) =>
        GrainFactory.GetGrain<IActivityFeedGrain>(CatalogKeys.Default)
            .PublishAsync(new ActivityEntry(time.GetUtcNow(), kind, $"session {Name}", detail, RuntimeIdentity))
            .Ignore();

    private SessionStatus BuildStatus() => new(
        Name,
        _connectionState,
        _state.LoggedIn,
        _state.UserId,
        _state.DisplayName,
        _state.Channels.ToList(),
        RuntimeIdentity,
        _connectedSince,
        _state.Reconnects,
        _state.PostsDispatched,
        _state.MessagesSent,
        _lastError,
        _ownershipNote);

    private static PostSnapshot ToSnapshot(string channel, ChannelPost post) =>
        new(channel, post.MessageId, post.Date, post.EditDate, post.Text, post.Links.ToList());
}
