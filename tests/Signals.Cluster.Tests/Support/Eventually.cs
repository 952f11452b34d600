namespace Signals.Cluster.Tests.Support;

/// <summary>
/// Waits for a condition the system reaches asynchronously. The timeout is a bound against hangs, not a performance
/// assertion: it is far above what the condition needs. A failing probe (a client call routed to a silo that was just
/// killed, before the client has noticed) counts as "not yet"; if the wait times out, the last failure is attached.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        Exception? lastFailure = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not TimeoutException)
            {
                lastFailure = ex;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.", lastFailure);
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);
}
