using System.Collections.Concurrent;
using Signals.Telegram.Emulator.World;

namespace Signals.Testing.Cluster;

/// <summary>
/// TestCluster builds silos from configurator types, not closures, so the world a test shares with its silos is
/// registered here under the cluster's id and looked up by the configurator.
/// </summary>
public static class TestWorlds
{
    private static readonly ConcurrentDictionary<string, TelegramWorld> Worlds = new();

    public static void Register(string clusterId, TelegramWorld world) => Worlds[clusterId] = world;

    public static TelegramWorld Get(string clusterId) =>
        Worlds.TryGetValue(clusterId, out var world)
            ? world
            : throw new InvalidOperationException($"No emulated world registered for cluster '{clusterId}'.");

    public static void Remove(string clusterId) => Worlds.TryRemove(clusterId, out _);
}
