namespace Signals.Silo.Tests.MultiProcess;

/// <summary>Waits on a condition with a generous ceiling (a loaded two-core machine runs several processes here).</summary>
public static class Poll
{
    public static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Polls until <paramref name="condition"/> holds. A condition that throws counts as not yet (a CLI call routed to a
    /// silo that is just being declared dead fails, and the next one succeeds); the last error is reported on timeout.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, Func<Task<string>> diagnostics, TimeSpan? ceiling = null)
    {
        var deadline = DateTime.UtcNow + (ceiling ?? Ceiling);
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
            {
                last = ex;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}. Last error: {last?.Message ?? "none"}\n{await diagnostics()}");
            }

            await Task.Delay(250);
        }
    }
}
