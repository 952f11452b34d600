using Orleans.TestingHost;
using Signals.Channels;
using Signals.Cluster.Tests.Support;
using Signals.Sessions;
using Signals.Testing;
using Signals.Testing.Cluster;
using Signals.Tokens;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Signals.Cluster.Tests;

/// <summary>
/// The product pipeline on the Redis stream provider (the default whenever Redis is configured) when the silo that
/// reads the channels and owns stream queues dies mid-flow: the stream may redeliver, the alerts must still be exact.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class StreamFailoverTests(RedisFixture redis, ITestOutputHelper output)
{
    private const int Tokens = 12;
    private const int QueueCount = 8; // RedisStreamOptions' default: AddSignals does not change it.

    [Fact]
    public async Task Crashing_the_silo_that_reads_and_owns_stream_queues_still_delivers_exactly_one_alert_per_confluent_token()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 3);
        var setup = await cluster.SeedAsync(channels: 3);
        var session = cluster.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.ReaderSession);
        await session.GetStatusAsync();
        var victim = cluster.HostOf(session) ?? throw new InvalidOperationException("The reader session is not active.");
        foreach (var channel in setup.Plan.Channels)
        {
            var reader = cluster.Client.GetGrain<IChannelReaderGrain>(channel);
            await reader.GetStatusAsync();
            await cluster.PlaceAsync(reader, victim);
        }

        var addresses = Enumerable.Range(0, Tokens).Select(i => TestAddresses.Solana(900 + i)).ToList();
        var tokens = addresses.Select(a => cluster.Client.GetGrain<ITokenGrain>($"solana:{a}")).ToList();
        var victimSilo = cluster.SiloAt(victim);
        await using var connection = await redis.Server.ConnectAsync();
        var queues = Enumerable.Range(0, QueueCount).Select(n => (RedisKey)$"signals:{cluster.ServiceId}:streams:signals:q:{n}").ToList();

        // Each token is called once per round, one round per channel, so most tokens have calls before and after the crash.
        var posts = Enumerable.Range(0, 3).SelectMany(round => addresses.Select(a => (Channel: setup.ChannelIds[round], Address: a))).ToList();
        var crashAfter = posts.Count / 2;
        for (var i = 0; i < crashAfter; i++)
        {
            cluster.World.Post(posts[i].Channel, Calls.Call(posts[i].Address));
            await Task.Delay(40);
        }

        await Eventually.TrueAsync(async () => (await tokens[0].GetDetailsAsync()).EventsSeen >= 1, "signals flowing before the crash");
        // Queue balancing, not the test, decides which silos read which queues. If the session's silo reads none of the
        // queues that carry these tokens, move the session and its readers to one that does: the victim must be both.
        SiloHandle? reading = null;
        await Eventually.TrueAsync(
            async () =>
            {
                reading = await ReadsQueuesAsync(connection, queues, victimSilo.Name) ? victimSilo : null;
                foreach (var silo in cluster.Cluster.GetActiveSilos())
                {
                    reading ??= await ReadsQueuesAsync(connection, queues, silo.Name) ? silo : null;
                }

                return reading is not null;
            },
            "a silo reads stream queues");
        if (!ReferenceEquals(reading, victimSilo))
        {
            victimSilo = reading!;
            victim = victimSilo.SiloAddress;
            await cluster.PlaceAsync(session, victim);
            await Eventually.TrueAsync(
                async () => Equals(cluster.HostOf(session), victim) && (await session.GetStatusAsync()).State == SessionConnectionState.Connected,
                "the session is connected on the silo that reads queues");
            foreach (var channel in setup.Plan.Channels)
            {
                await cluster.PlaceAsync(cluster.Client.GetGrain<IChannelReaderGrain>(channel), victim);
            }
        }

        var crash = cluster.CrashAsync(victimSilo);
        for (var i = crashAfter; i < posts.Count; i++)
        {
            cluster.World.Post(posts[i].Channel, Calls.Call(posts[i].Address));
            await Task.Delay(40);
        }

        await crash;
        var patience = TimeSpan.FromSeconds(120);
        await Eventually.TrueAsync(
            () => cluster.World.MessagesIn(setup.DestinationId).Count >= Tokens,
            "every confluent token's alert was delivered",
            patience);
        foreach (var token in tokens)
        {
            await Eventually.TrueAsync(async () => (await token.GetDetailsAsync()).EventsSeen == 3, "every call reached its token", patience);
        }

        // Late duplicates (a redelivery of something already delivered) would show up here as extra messages.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var messages = cluster.World.MessagesIn(setup.DestinationId);
        var details = new List<TokenDetails>();
        foreach (var token in tokens)
        {
            details.Add(await token.GetDetailsAsync());
        }

        Assert.Equal(Tokens, messages.Count);
        foreach (var address in addresses)
        {
            Assert.Single(messages, m => m.Text.Contains(address, StringComparison.Ordinal));
        }

        Assert.All(details, d => Assert.Equal(3, d.Mentions.Count));
        Assert.All(details, d => Assert.Single(d.Alerts));
        Assert.Equal(0, cluster.World.Counters.AuthKeyDuplicated);
        Assert.NotEqual(victim, cluster.HostOf(session));
        output.WriteLine(
            $"{posts.Count} calls ({crashAfter} before the crash of {victimSilo.Name}), {messages.Count} alerts delivered for {Tokens} tokens, "
            + $"stream duplicates ignored by token grains: {details.Sum(d => d.DuplicatesIgnored)}, auth-key duplicates: {cluster.World.Counters.AuthKeyDuplicated}");
    }

    /// <summary>
    /// Receivers name their consumers "{silo name}/{guid}" in each queue's consumer group; the most recently active one
    /// reads the queue now (a consumer of a queue that moved away stays listed, idle).
    /// </summary>
    private static async Task<bool> ReadsQueuesAsync(IConnectionMultiplexer connection, IEnumerable<RedisKey> queues, string siloName)
    {
        foreach (var queue in queues)
        {
            if (!await connection.GetDatabase().KeyExistsAsync(queue))
            {
                continue;
            }

            // The queue's current reader is its most recently active consumer: Redis 7.0 counts idle time from the last
            // delivery (or the consumer's creation), and a consumer whose queue moved away stops receiving.
            var consumers = await connection.GetDatabase().StreamConsumerInfoAsync(queue, "signals");
            if (consumers.Length == 0)
            {
                continue;
            }

            var current = (string?)consumers.MinBy(c => c.IdleTimeInMilliseconds).Name;
            if (current is not null && current.StartsWith(siloName + "/", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
