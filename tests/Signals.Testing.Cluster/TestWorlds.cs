using System.Collections.Concurrent;
using Signals.Telegram.Emulator.World;

namespace Signals.Testing.Cluster;

/// <summary>
/// TestCluster builds silos from configurator types, not closures, so the Telegram a test shares with its silos is
/// registered here under the cluster's id and looked up by the configurator.
/// </summary>
public static class TestWorlds
{
    private static readonly ConcurrentDictionary<string, TestTelegram> Telegrams = new();

    public static TestTelegram Register(string clusterId, TelegramWorld world)
    {
        var telegram = new TestTelegram(world);
        Telegrams[clusterId] = telegram;
        return telegram;
    }

    public static TestTelegram Get(string clusterId) =>
        Telegrams.TryGetValue(clusterId, out var telegram)
            ? telegram
            : throw new InvalidOperationException($"No emulated Telegram registered for cluster '{clusterId}'.");

    public static async ValueTask RemoveAsync(string clusterId)
    {
        if (Telegrams.TryRemove(clusterId, out var telegram))
        {
            await telegram.DisposeAsync();
        }
    }
}
