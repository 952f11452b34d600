namespace Signals.Ownership;

/// <summary>
/// Holds one session's lease for one owner: acquires it, renews it every <see cref="LeaseOptions.EffectiveRenewalPeriod"/>
/// and reports its loss the moment a renewal fails, comes back too late, or finds the lease taken. A keeper is used
/// once: after a loss, make a new one. Check <see cref="IsHeld"/> (or <see cref="ThrowIfNotHeld"/>) before every
/// use of what the lease guards: after a pause (GC, SIGSTOP) it turns false from the clock alone, before any timer
/// has had a chance to run. Dispose after closing what the lease guards: disposal releases the lease at once.
/// </summary>
public sealed class LeaseKeeper : IAsyncDisposable
{
    private static readonly TimeSpan MinimumPoll = TimeSpan.FromMilliseconds(5);

    private readonly ISessionLeases _leases;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _period;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _stopOrLost;
    private readonly TaskCompletionSource<LeaseLoss> _whenLost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _deadline;
    private Task? _renewals;
    private LeaseLoss? _loss;
    private DateTimeOffset _expiresAt;
    private long _token;
    private bool _disposed;

    public LeaseKeeper(ISessionLeases leases, string session, string ownerId, LeaseOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentException.ThrowIfNullOrWhiteSpace(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentNullException.ThrowIfNull(options);
        _leases = leases;
        _time = time ?? TimeProvider.System;
        _ttl = options.Ttl;
        _period = options.EffectiveRenewalPeriod;
        Session = session;
        OwnerId = ownerId;
        _stopOrLost = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _lost.Token);
    }

    public string Session { get; }

    public string OwnerId { get; }

    /// <summary>The fencing token of the lease (0 until acquired); pass it with every write of session state.</summary>
    public long Token
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    /// <summary>When the lease ends by the local clock unless renewed.</summary>
    public DateTimeOffset ExpiresAt
    {
        get
        {
            lock (_gate)
            {
                return _expiresAt;
            }
        }
    }

    /// <summary>True while the lease is acquired, not lost, and not past its local expiry.</summary>
    public bool IsHeld
    {
        get
        {
            lock (_gate)
            {
                return _token != 0 && _loss is null && _time.GetUtcNow() < _expiresAt;
            }
        }
    }

    /// <summary>Why the lease was lost, or null while it is held (or not yet acquired).</summary>
    public LeaseLoss? Loss
    {
        get
        {
            lock (_gate)
            {
                return _loss;
            }
        }
    }

    /// <summary>Cancelled the moment the lease is lost or given up (see <see cref="Loss"/> for why).</summary>
    public CancellationToken LostToken => _lost.Token;

    /// <summary>Completes with the loss the moment the lease is lost or given up.</summary>
    public Task<LeaseLoss> WhenLost => _whenLost.Task;

    public void ThrowIfNotHeld()
    {
        if (IsHeld)
        {
            return;
        }

        // A pause can outlive the lease before the deadline timer runs: record it as late so the loss is reported.
        if (Token != 0)
        {
            Lose(LeaseLossReason.Late, "the lease's local expiry passed without a confirmed renewal");
        }

        throw new LeaseLostException(Session, Loss);
    }

    /// <summary>One attempt to take the lease; when granted, renewal starts.</summary>
    public async Task<LeaseAcquireResult> TryAcquireAsync()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_token != 0)
            {
                throw new InvalidOperationException($"The lease of session '{Session}' was already acquired by this keeper; use a new keeper after a loss.");
            }
        }

        var result = await _leases.AcquireAsync(Session, OwnerId, _ttl);
        if (result is LeaseGranted granted)
        {
            Start(granted);
        }

        return result;
    }

    /// <summary>
    /// Takes the lease, waiting for a previous holder's lease (and its safety margin) to pass, for at most
    /// <paramref name="maxWait"/>. A holder that keeps renewing is not waited out beyond that.
    /// </summary>
    public async Task<LeaseAcquisition> AcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        LeaseHeld? lastHeld = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await TryAcquireAsync();
            var waited = _time.GetElapsedTime(started);
            if (result is LeaseGranted granted)
            {
                return new LeaseAcquisition(true, granted.Token, waited, lastHeld);
            }

            lastHeld = (LeaseHeld)result;
            var budget = maxWait - waited;
            if (budget <= TimeSpan.Zero)
            {
                return new LeaseAcquisition(false, 0, waited, lastHeld);
            }

            var delay = lastHeld.RetryAfter < MinimumPoll ? MinimumPoll : lastHeld.RetryAfter;
            await Task.Delay(delay < budget ? delay : budget, _time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        long token;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            token = _token;
        }

        await _stop.CancelAsync();
        if (_renewals is { } renewals)
        {
            await renewals;
        }

        var wasHeld = Loss is null or { Reason: not LeaseLossReason.Taken };
        Lose(LeaseLossReason.Released, "the keeper was disposed");
        _deadline?.Dispose();
        if (token != 0 && wasHeld)
        {
            try
            {
                // Compare-and-delete: frees the session for the next owner at once, and is harmless if it is no longer ours.
                await _leases.ReleaseAsync(Session, OwnerId, token);
            }
            catch (Exception)
            {
                // Unreachable Redis: the lease simply expires.
            }
        }

        _stopOrLost.Dispose();
        _stop.Dispose();
    }

    private void Start(LeaseGranted granted)
    {
        lock (_gate)
        {
            _token = granted.Token;
            _expiresAt = granted.ExpiresAt;
            _deadline = _time.CreateTimer(_ => OnDeadline(), null, Until(granted.ExpiresAt), Timeout.InfiniteTimeSpan);
        }

        // The timer starts now, not when the loop first runs, so the first renewal is due a period after the grant.
        var timer = new PeriodicTimer(_period, _time);
        _renewals = Task.Run(() => RenewLoopAsync(timer));
    }

    private async Task RenewLoopAsync(PeriodicTimer timer)
    {
        using var owned = timer;
        try
        {
            while (await timer.WaitForNextTickAsync(_stopOrLost.Token))
            {
                if (!await RenewOnceAsync())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stopOrLost.IsCancellationRequested)
        {
            // Disposed, or lost while a renewal hung: nothing left to renew.
        }
    }

    private async Task<bool> RenewOnceAsync()
    {
        DateTimeOffset previousExpiry;
        long token;
        lock (_gate)
        {
            if (_loss is not null)
            {
                return false;
            }

            previousExpiry = _expiresAt;
            token = _token;
        }

        LeaseRenewal renewal;
        try
        {
            // A hung call is abandoned once the lease is lost (its deadline passed) or the keeper is disposed.
            renewal = await _leases.RenewAsync(Session, OwnerId, token, _ttl).WaitAsync(_stopOrLost.Token);
        }
        catch (OperationCanceledException) when (_stopOrLost.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            if (!_stop.IsCancellationRequested)
            {
                Lose(LeaseLossReason.RenewalFailed, $"renewal failed: {ex.GetType().Name}: {ex.Message}");
            }

            return false;
        }

        if (_stop.IsCancellationRequested)
        {
            return false;
        }

        switch (renewal.Status)
        {
            case LeaseRenewalStatus.Taken:
                Lose(LeaseLossReason.Taken, $"the lease is held by '{renewal.Holder}' now");
                return false;
            case LeaseRenewalStatus.Missing:
                Lose(LeaseLossReason.Missing, "the lease is gone from Redis");
                return false;
            case LeaseRenewalStatus.Expired:
                Lose(LeaseLossReason.Expired, "Redis says the lease expired before the renewal arrived");
                return false;
        }

        // Renewed in Redis, but if our own deadline passed meanwhile we already had no guarantee: treat it as lost.
        var now = _time.GetUtcNow();
        if (now >= previousExpiry)
        {
            Lose(LeaseLossReason.Late, $"the renewal was confirmed {(now - previousExpiry).TotalMilliseconds:0} ms after the lease's local expiry");
            return false;
        }

        lock (_gate)
        {
            if (_loss is not null)
            {
                return false;
            }

            _expiresAt = renewal.ExpiresAt!.Value;
            _deadline?.Change(Until(_expiresAt), Timeout.InfiniteTimeSpan);
        }

        return true;
    }

    private void OnDeadline()
    {
        lock (_gate)
        {
            if (_loss is not null || _time.GetUtcNow() < _expiresAt)
            {
                return;
            }
        }

        Lose(LeaseLossReason.Late, "no renewal was confirmed before the lease's local expiry");
    }

    private void Lose(LeaseLossReason reason, string detail)
    {
        LeaseLoss loss;
        lock (_gate)
        {
            if (_loss is not null)
            {
                return;
            }

            loss = new LeaseLoss(reason, detail, _time.GetUtcNow());
            _loss = loss;
        }

        _deadline?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _whenLost.TrySetResult(loss);
        try
        {
            _lost.Cancel();
        }
        catch (AggregateException)
        {
            // A subscriber's callback threw; that is the subscriber's problem, not a reason to hide the loss from others.
        }
    }

    private TimeSpan Until(DateTimeOffset moment)
    {
        var due = moment - _time.GetUtcNow();
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }
}
