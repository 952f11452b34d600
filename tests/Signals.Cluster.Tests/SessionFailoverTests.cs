using Signals.Channels;
using Signals.Cluster.Tests.Support;
using Signals.Sessions;
using Signals.Testing;
using Signals.Testing.Cluster;
using Signals.Tokens;

namespace Signals.Cluster.Tests;

[Collection(RedisCollection.Name)]
public sealed class SessionFailoverTests(RedisFixture redis)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Session_resumes_on_another_silo_after_its_silo_is_lost_and_is_never_live_twice(bool crash)
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 3);
        var setup = await cluster.SeedAsync(channels: 3);
        var session = cluster.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.ReaderSession);
        var before = await session.GetStatusAsync();
        Assert.Equal(SessionConnectionState.Connected, before.State);
        var host = cluster.HostOf(session) ?? throw new InvalidOperationException("session not active");

        var silo = cluster.SiloAt(host);
        if (crash)
        {
            await cluster.CrashAsync(silo);
        }
        else
        {
            await cluster.Cluster.StopSiloAsync(silo).WaitAsync(SignalsTestCluster.OperationTimeout);
        }

        // Nobody calls the grain: its watchdog reminder must bring it back and reconnect it.
        await Eventually.TrueAsync(
            () => cluster.World.LiveConnections(setup.Plan.ReaderSession) == 1 && cluster.HostOf(session) is not null,
            "the session is connected again");
        // The client may still route a first call to the dead silo's gateway; Eventually retries until it has noticed.
        SessionStatus? status = null;
        await Eventually.TrueAsync(async () => (status = await session.GetStatusAsync()) is not null, "the client reaches the session");
        var after = status!;
        Assert.True(after.LoggedIn);
        Assert.Equal(SessionConnectionState.Connected, after.State);
        Assert.NotEqual(host, cluster.HostOf(session));
        Assert.Equal(before.UserId, after.UserId);
        Assert.Equal(before.Channels, after.Channels);

        // It works: a post in a channel it reads reaches the reader through the new activation.
        cluster.World.Post(setup.ChannelIds[0], Calls.Call(TestAddresses.Solana(7)));
        var reader = cluster.Client.GetGrain<IChannelReaderGrain>(setup.Plan.Channels[0]);
        await Eventually.TrueAsync(async () => (await reader.GetStatusAsync()).PostsProcessed == 1, "the post was read");

        Assert.Equal(1, cluster.World.MaxConcurrentConnections(setup.Plan.ReaderSession));
        Assert.Equal(0, cluster.World.Counters.AuthKeyDuplicated);
        Assert.Equal(0, cluster.World.Counters.SessionOverlaps);
    }

    [Fact]
    public async Task Posts_made_while_the_reader_was_down_are_processed_after_it_returns_none_twice()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 2);
        var setup = await cluster.SeedAsync(channels: 3);
        var session = cluster.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.ReaderSession);
        var readers = setup.Plan.Channels.Select(c => cluster.Client.GetGrain<IChannelReaderGrain>(c)).ToList();
        var silos = cluster.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToList();
        await session.GetStatusAsync();
        var down = cluster.HostOf(session)!;
        foreach (var reader in readers)
        {
            await reader.GetStatusAsync();
            await cluster.PlaceAsync(reader, down);
        }

        // One post before the outage, read live.
        cluster.World.Post(setup.ChannelIds[0], Calls.Call(TestAddresses.Solana(100)));
        await Eventually.TrueAsync(async () => (await readers[0].GetStatusAsync()).PostsProcessed == 1, "the first post was read");

        await cluster.CrashAsync(cluster.SiloAt(down));
        var addresses = Enumerable.Range(0, 12).Select(i => TestAddresses.Solana(200 + i)).ToList();
        for (var i = 0; i < addresses.Count; i++)
        {
            cluster.World.Post(setup.ChannelIds[i % 3], Calls.Call(addresses[i]));
            cluster.World.Post(setup.ChannelIds[i % 3], Calls.Noise(i));
        }

        await Eventually.TrueAsync(
            async () =>
            {
                long total = 0;
                foreach (var reader in readers)
                {
                    total += (await reader.GetStatusAsync()).PostsProcessed;
                }

                return total == 1 + (addresses.Count * 2);
            },
            "every post made during the outage was read");

        foreach (var address in addresses)
        {
            var token = cluster.Client.GetGrain<ITokenGrain>($"solana:{address}");
            await Eventually.TrueAsync(async () => (await token.GetDetailsAsync()).EventsSeen >= 1, "the token received its signal");
            var details = await token.GetDetailsAsync();
            Assert.Single(details.Mentions);
            Assert.Equal(1, details.EventsSeen);
            Assert.Equal(0, details.DuplicatesIgnored);
        }

        // Reading again changes nothing: the cursors are past every post.
        foreach (var reader in readers)
        {
            var ack = await reader.CatchUpAsync();
            Assert.Equal(0, ack.PostsProcessed);
        }

        Assert.Equal(0, cluster.World.Counters.AuthKeyDuplicated);
        Assert.NotEqual(down, cluster.HostOf(session));
        Assert.Contains(cluster.HostOf(session), silos);
    }
}
