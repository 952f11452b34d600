namespace Signals.Client.Tests.Support;

/// <summary>Waits for something the cluster does asynchronously; the timeout only guards against hangs.</summary>
public static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    public static async Task<T> MatchAsync<T>(Func<Task<T>> read, Func<T, bool> accept, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var value = await read();
            if (accept(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(100);
        }
    }
}
