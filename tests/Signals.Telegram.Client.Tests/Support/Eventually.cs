namespace Signals.Telegram.Client.Tests.Support;

/// <summary>Polls a condition until it holds or a generous ceiling passes (no fixed sleeps as synchronisation).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? ceiling = null)
    {
        var deadline = DateTime.UtcNow + (ceiling ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Reads updates until <paramref name="count"/> arrived (or fails at the ceiling).</summary>
    public static async Task<List<T>> ReadAsync<T>(System.Threading.Channels.ChannelReader<T> reader, int count, TimeSpan? ceiling = null)
    {
        using var timeout = new CancellationTokenSource(ceiling ?? TimeSpan.FromSeconds(30));
        var items = new List<T>();
        try
        {
            while (items.Count < count)
            {
                items.Add(await reader.ReadAsync(timeout.Token));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Timed out after {items.Count} of {count} items");
        }

        return items;
    }
}
