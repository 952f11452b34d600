namespace Signals.Client.Infrastructure;

/// <summary>
/// Retries the first connection a few times (a silo may be just starting), then gives up so that an absent cluster
/// is reported in seconds. The overall connect timeout still bounds everything.
/// </summary>
internal sealed class BoundedConnectRetryFilter(int maxAttempts, TimeSpan delay) : IClientConnectionRetryFilter
{
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _attempts) >= maxAttempts)
        {
            return false;
        }

        await Task.Delay(delay, cancellationToken);
        return true;
    }
}
