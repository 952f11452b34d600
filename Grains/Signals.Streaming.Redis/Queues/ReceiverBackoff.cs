namespace Signals.Streaming.Redis;

/// <summary>Exponential pause (with jitter) of a receiver while Redis is unreachable, so it neither spins nor gives up.</summary>
internal sealed class ReceiverBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private TimeSpan _current;
    private DateTime _retryAtUtc;

    public ReceiverBackoff(TimeSpan min, TimeSpan max)
    {
        _min = min;
        _max = max;
    }

    public bool IsWaiting(DateTime nowUtc) => nowUtc < _retryAtUtc;

    public TimeSpan Current => _current;

    public void Failed(DateTime nowUtc)
    {
        _current = _current == TimeSpan.Zero ? _min : TimeSpan.FromTicks(Math.Min(_current.Ticks * 2, _max.Ticks));
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        _retryAtUtc = nowUtc + (_current * jitter);
    }

    public void Succeeded()
    {
        _current = TimeSpan.Zero;
        _retryAtUtc = DateTime.MinValue;
    }
}
