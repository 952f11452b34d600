using Signals.Cluster.Tests.Support;
using Signals.Sessions;
using Signals.Telegram.Emulator.World;
using Signals.Testing;
using Signals.Testing.Cluster;
using StackExchange.Redis;

namespace Signals.Cluster.Tests;

[Collection(RedisCollection.Name)]
public sealed class OwnershipTests(RedisFixture redis)
{
    [Fact]
    public async Task Two_clusters_on_one_Redis_never_hold_a_session_twice_and_the_second_reports_owned_elsewhere()
    {
        // A blue/green rollout gone wrong: two clusters (different cluster ids, one service id) on one Redis and one Telegram.
        var world = new TelegramWorld();
        var serviceId = "svc" + Guid.NewGuid().ToString("N")[..8];
        await using var blue = await SignalsTestCluster.StartAsync(redis.Server, silos: 1, world: world, serviceId: serviceId);
        var setup = await blue.SeedAsync(channels: 3);
        var blueSession = blue.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.ReaderSession);
        Assert.Equal(SessionConnectionState.Connected, (await blueSession.GetStatusAsync()).State);

        await using var green = await SignalsTestCluster.StartAsync(redis.Server, silos: 1, world: world, serviceId: serviceId);
        var greenSession = green.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.ReaderSession);
        var greenStatus = await greenSession.EnsureRunningAsync();

        Assert.Equal(SessionConnectionState.OwnedElsewhere, greenStatus.State);
        Assert.Contains("owned elsewhere", greenStatus.OwnershipNote, StringComparison.Ordinal);
        Assert.Equal(1, world.LiveConnections(setup.Plan.ReaderSession));

        // Blue keeps working while green waits.
        world.Post(setup.ChannelIds[0], Calls.Call(TestAddresses.Solana(31)));
        await Eventually.TrueAsync(async () => (await blueSession.GetStatusAsync()).PostsDispatched >= 1, "blue's session dispatched the post");

        // Blue goes away gracefully: its lease is released at once and green takes over.
        await blue.Cluster.StopAllSilosAsync().WaitAsync(SignalsTestCluster.OperationTimeout);
        await Eventually.TrueAsync(
            async () => (await greenSession.EnsureRunningAsync()).State == SessionConnectionState.Connected,
            "green took the session over");

        Assert.Equal(1, world.MaxConcurrentConnections(setup.Plan.ReaderSession));
        Assert.Equal(0, world.Counters.AuthKeyDuplicated);
        Assert.Equal(0, world.Counters.SessionOverlaps);
    }

    [Fact]
    public async Task Session_state_in_Redis_is_ciphertext_and_a_stale_owner_cannot_write_it()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 1);
        var setup = await cluster.SeedAsync(channels: 3);
        await using var connection = await redis.Server.ConnectAsync();
        var db = connection.GetDatabase();
        var key = $"signals:{cluster.ServiceId}:session:{setup.Plan.ReaderSession}";
        byte[]? stored = await db.StringGetAsync(key);

        Assert.NotNull(stored);
        Assert.Equal("SGE"u8.ToArray(), stored![..3]);
        var text = System.Text.Encoding.Latin1.GetString(stored);
        Assert.DoesNotContain("Reader", text, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Plan.Channels[0], text, StringComparison.Ordinal);
        var phoneDigits = new string(setup.Plan.ReaderPhone.Where(char.IsAsciiDigit).ToArray());
        Assert.DoesNotContain(phoneDigits, text, StringComparison.Ordinal);

        // A newer fencing token exists as soon as someone else acquires: the old token's writes are refused by Redis.
        var fence = (long)await db.StringGetAsync($"signals:{cluster.ServiceId}:fence:{setup.Plan.ReaderSession}");
        await db.StringIncrementAsync($"signals:{cluster.ServiceId}:fence:{setup.Plan.ReaderSession}");
        var session = cluster.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.ReaderSession);
        var closedBefore = cluster.World.Counters.ConnectionsClosed;
        cluster.World.Post(setup.ChannelIds[0], Calls.Call(TestAddresses.Solana(32)));

        // The owner's next write carries the old token, is refused, and the activation steps down and closes its connection.
        await Eventually.TrueAsync(() => cluster.World.Counters.ConnectionsClosed > closedBefore, "the stale owner closed its connection");
        Assert.True(fence > 0);

        // A fresh activation (the watchdog) takes a newer lease and carries on; never two connections at once.
        await Eventually.TrueAsync(
            async () => (await session.EnsureRunningAsync()).State == SessionConnectionState.Connected,
            "a new owner connected");
        Assert.Equal(1, cluster.World.MaxConcurrentConnections(setup.Plan.ReaderSession));
        Assert.Equal(0, cluster.World.Counters.AuthKeyDuplicated);
    }
}
