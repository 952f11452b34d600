using Signals.Alerts;
using Signals.Channels;
using Signals.Tokens;
using System.Diagnostics;
using Signals.Cluster.Tests.Support;
using Signals.Sessions;
using Signals.Testing;
using Signals.Testing.Cluster;
using Xunit.Abstractions;

namespace Signals.Cluster.Tests;

/// <summary>Silos come and go while alerts flow: sessions move, and every confluent token still gets exactly one alert.</summary>
[Collection(RedisCollection.Name)]
public sealed class ChurnTests(RedisFixture redis, ITestOutputHelper output)
{
    [Fact]
    public async Task Rolling_restart_hands_sessions_over_and_loses_or_doubles_no_alert()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 2);
        var setup = await cluster.SeedAsync(channels: 3);
        var tokens = new List<string>();
        using var stop = new CancellationTokenSource();
        var feed = FeedAsync(cluster, setup, tokens, stop.Token);

        // Replace every silo: start a new one, then stop an old one gracefully (its session leases are released at once).
        foreach (var old in cluster.Cluster.GetActiveSilos().ToList())
        {
            await cluster.Cluster.StartAdditionalSiloAsync().WaitAsync(SignalsTestCluster.OperationTimeout);
            await cluster.Cluster.WaitForLivenessToStabilizeAsync().WaitAsync(SignalsTestCluster.OperationTimeout);
            await cluster.Cluster.StopSiloAsync(old).WaitAsync(SignalsTestCluster.OperationTimeout);
        }

        await stop.CancelAsync();
        await feed;
        await AssertOneAlertPerTokenAsync(cluster, setup, tokens);
    }

    [Fact]
    public async Task Repeated_crashes_of_the_session_silo_lose_no_post_and_double_no_alert()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 3);
        var setup = await cluster.SeedAsync(channels: 3);
        var session = cluster.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.ReaderSession);
        var tokens = new List<string>();
        using var stop = new CancellationTokenSource();
        var feed = FeedAsync(cluster, setup, tokens, stop.Token);

        var failovers = new List<TimeSpan>();
        for (var crash = 0; crash < 2; crash++)
        {
            await Eventually.TrueAsync(() => cluster.HostOf(session) is not null && cluster.World.LiveConnections(setup.Plan.ReaderSession) == 1, "the session is live");
            var host = cluster.HostOf(session)!;
            await cluster.Cluster.StartAdditionalSiloAsync().WaitAsync(SignalsTestCluster.OperationTimeout);
            var clock = Stopwatch.StartNew();
            await cluster.CrashAsync(cluster.SiloAt(host));
            await Eventually.TrueAsync(
                () => cluster.World.LiveConnections(setup.Plan.ReaderSession) == 1 && !Equals(cluster.HostOf(session), host) && cluster.HostOf(session) is not null,
                "the session is live on another silo");
            failovers.Add(clock.Elapsed);
        }

        await stop.CancelAsync();
        await feed;
        output.WriteLine($"failover after crash (reconnected elsewhere): {string.Join(", ", failovers.Select(f => $"{f.TotalSeconds:0.0} s"))}");
        await AssertOneAlertPerTokenAsync(cluster, setup, tokens);
    }

    private async Task ExplainAsync(SignalsTestCluster cluster, TestSetup setup, List<string> tokens)
    {
        var texts = cluster.World.MessagesIn(setup.DestinationId).Select(m => m.Text).ToList();
        foreach (var address in tokens.Where(a => !texts.Any(t => t.Contains(a, StringComparison.Ordinal))))
        {
            var details = await cluster.Client.GetGrain<ITokenGrain>($"solana:{address}").GetDetailsAsync();
            output.WriteLine($"missing {address}: mentions {details.Mentions.Count} ({string.Join(",", details.Mentions.Select(m => m.Channel))}), alerts {details.Alerts.Count}, events {details.EventsSeen}");
        }

        foreach (var channel in setup.Plan.Channels)
        {
            var reader = await cluster.Client.GetGrain<IChannelReaderGrain>(channel).GetStatusAsync();
            output.WriteLine($"reader {channel}: cursor {reader.Cursor}, processed {reader.PostsProcessed}, error {reader.LastError}; world posts {cluster.World.Posts(setup.ChannelIds[setup.Plan.Channels.ToList().IndexOf(channel)]).Count}");
        }

        var delivery = await cluster.Client.GetGrain<IAlertDeliveryGrain>(setup.Plan.DestinationName).GetStatusAsync();
        output.WriteLine($"delivery: pending {delivery.Pending.Count} ({string.Join("; ", delivery.Pending.Select(p => p.LastError))}), delivered {delivery.DeliveredTotal}");
        foreach (var name in new[] { setup.Plan.ReaderSession, setup.Plan.NotifierSession })
        {
            var status = await cluster.Client.GetGrain<ITelegramSessionGrain>(name).GetStatusAsync();
            output.WriteLine($"session {name}: {status.State}, {status.OwnershipNote}, error {status.LastError}");
        }
    }

    /// <summary>Calls a new token in all three channels every ~300 ms, plus noise.</summary>
    private static Task FeedAsync(SignalsTestCluster cluster, TestSetup setup, List<string> tokens, CancellationToken stop) => Task.Run(async () =>
    {
        for (var i = 0; !stop.IsCancellationRequested && i < 400; i++)
        {
            var address = TestAddresses.Solana(50_000 + i);
            lock (tokens)
            {
                tokens.Add(address);
            }

            foreach (var channel in setup.ChannelIds)
            {
                cluster.World.Post(channel, Calls.Call(address));
                cluster.World.Post(channel, Calls.Noise(i));
            }

            await Task.Delay(300, CancellationToken.None);
        }
    }, CancellationToken.None);

    private async Task AssertOneAlertPerTokenAsync(SignalsTestCluster cluster, TestSetup setup, List<string> tokens)
    {
        try
        {
            await Eventually.TrueAsync(
                () => cluster.World.MessagesIn(setup.DestinationId).Count >= tokens.Count,
                $"all {tokens.Count} alerts were delivered",
                TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            await ExplainAsync(cluster, setup, tokens);
            throw;
        }

        // Settled: every token has seen its three calls and the outbox is empty, so a doubled alert would be in the chat now.
        foreach (var address in tokens)
        {
            var token = cluster.Client.GetGrain<ITokenGrain>($"solana:{address}");
            await Eventually.TrueAsync(async () => (await token.GetDetailsAsync()).EventsSeen >= 3, "every call reached its token");
        }

        var delivery = cluster.Client.GetGrain<IAlertDeliveryGrain>(setup.Plan.DestinationName);
        await Eventually.TrueAsync(async () => (await delivery.GetStatusAsync()).Pending.Count == 0, "the outbox is empty");
        var texts = cluster.World.MessagesIn(setup.DestinationId).Select(m => m.Text).ToList();
        output.WriteLine($"tokens {tokens.Count}, alerts {texts.Count}, AUTH_KEY_DUPLICATED {cluster.World.Counters.AuthKeyDuplicated}");
        foreach (var address in tokens)
        {
            Assert.Equal(1, texts.Count(t => t.Contains(address, StringComparison.Ordinal)));
        }

        Assert.Equal(tokens.Count, texts.Count);
        Assert.Equal(0, cluster.World.Counters.AuthKeyDuplicated);
        Assert.Equal(0, cluster.World.Counters.SessionOverlaps);
        Assert.Equal(1, cluster.World.MaxConcurrentConnections(setup.Plan.ReaderSession));
        Assert.Equal(1, cluster.World.MaxConcurrentConnections(setup.Plan.NotifierSession));
    }
}
