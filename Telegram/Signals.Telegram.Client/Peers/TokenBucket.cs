namespace Signals.Telegram.Client.Peers;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: up to <c>capacity</c> takes at once, then one more per
/// <c>refillEvery</c>. Callers queue in order; a cancelled wait gives its turn up.
/// </summary>
internal sealed class TokenBucket
{
    private readonly int _capacity;
    private readonly TimeSpan _refillEvery;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(int capacity, TimeSpan refillEvery, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillEvery, TimeSpan.Zero);
        _capacity = capacity;
        _refillEvery = refillEvery;
        _time = time;
        _tokens = capacity;
        _lastRefill = time.GetTimestamp();
    }

    /// <summary>Takes a token, waiting for one if the bucket is empty. <paramref name="onWait"/> hears how long.</summary>
    public async Task TakeAsync(Action<TimeSpan>? onWait, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                Refill();
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                var wait = _refillEvery * (1 - _tokens);
                onWait?.Invoke(wait);
                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        _tokens = Math.Min(_capacity, _tokens + (elapsed / _refillEvery));
    }
}
