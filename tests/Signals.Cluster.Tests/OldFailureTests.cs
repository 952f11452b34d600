using Signals.Alerts;
using Signals.Catalog;
using Signals.Channels;
using Signals.Cluster.Tests.Support;
using Signals.Sessions;
using Signals.Testing;
using Signals.Testing.Cluster;

namespace Signals.Cluster.Tests;

/// <summary>
/// The failure Signals was built to end: a reader session busy with a heavy feed while a notifier session sends
/// thousands of alerts, the notifier's owner coming to life in the middle of it. The old system lost alerts here.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class OldFailureTests(RedisFixture redis)
{
    private const int Destinations = 40;
    private const int AlertsPerDestination = 250;

    [Fact]
    public async Task Ten_thousand_alerts_during_a_heavy_feed_with_the_notifier_activated_mid_load_are_each_delivered_exactly_once()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 2, new Dictionary<string, string?>
        {
            ["Signals:Delivery:MinIntervalPerChat"] = "00:00:00",
        });
        var setup = await cluster.SeedAsync(channels: 3);
        var catalog = cluster.Client.GetGrain<ICatalogGrain>(CatalogKeys.Default);
        var notifierUser = cluster.World.FindUser(setup.Plan.NotifierPhone)!;
        var groups = new List<long>();
        for (var d = 0; d < Destinations; d++)
        {
            var group = cluster.World.CreateChannel($"load_alerts_{d:00}", $"Load {d}");
            cluster.World.AllowToWrite(group.Id, notifierUser.Id);
            groups.Add(group.Id);
            await catalog.AddDestinationAsync(new DestinationEntry($"load{d:00}", DeliveryChannelKind.Session, setup.Plan.NotifierSession, "@" + group.Username, [AlertRuleConfig.Default]));
        }

        // The notifier is not running when the load starts: the first send activates it, mid-load.
        var notifier = cluster.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.NotifierSession);
        await notifier.DisconnectAsync();
        await Eventually.TrueAsync(() => cluster.HostOf(notifier) is null, "the notifier is deactivated");

        using var feedStop = new CancellationTokenSource();
        var posts = 0;
        var feed = Task.Run(async () =>
        {
            for (var i = 0; !feedStop.IsCancellationRequested && i < 3000; i++)
            {
                var channel = setup.ChannelIds[i % 3];
                cluster.World.Post(channel, i % 4 == 0 ? Calls.Call(TestAddresses.Solana(10_000 + i)) : Calls.Noise(i));
                Interlocked.Increment(ref posts);
                if (i % 50 == 0)
                {
                    await Task.Delay(10);
                }
            }
        });

        var now = DateTimeOffset.UtcNow;
        var enqueue = Enumerable.Range(0, Destinations).Select(async d =>
        {
            var delivery = cluster.Client.GetGrain<IAlertDeliveryGrain>($"load{d:00}");
            for (var a = 0; a < AlertsPerDestination; a++)
            {
                var id = $"load-{d:00}-{a:0000}";
                await delivery.EnqueueAsync(new Alert(id, $"load{d:00}", "solana:load", "default", 1, $"<b>alert</b> {id}", ["a", "b", "c"], now, now, null, now));
            }
        });
        await Task.WhenAll(enqueue).WaitAsync(TimeSpan.FromMinutes(3));

        await Eventually.TrueAsync(
            () => groups.Sum(g => cluster.World.MessagesIn(g).Count) >= Destinations * AlertsPerDestination,
            "every alert reached Telegram",
            TimeSpan.FromMinutes(4));
        await feed.WaitAsync(TimeSpan.FromMinutes(2));
        await feedStop.CancelAsync();

        var readers = setup.Plan.Channels.Select(c => cluster.Client.GetGrain<IChannelReaderGrain>(c)).ToList();
        await Eventually.TrueAsync(
            async () =>
            {
                long read = 0;
                foreach (var reader in readers)
                {
                    read += (await reader.GetStatusAsync()).PostsProcessed;
                }

                return read == posts;
            },
            "the reader read the whole feed",
            TimeSpan.FromMinutes(3));

        var texts = groups.SelectMany(g => cluster.World.MessagesIn(g)).Select(m => m.Text).ToList();
        Assert.Equal(Destinations * AlertsPerDestination, texts.Count);
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
        for (var d = 0; d < Destinations; d++)
        {
            var status = await cluster.Client.GetGrain<IAlertDeliveryGrain>($"load{d:00}").GetStatusAsync();
            Assert.Empty(status.Pending);
            Assert.Equal(AlertsPerDestination, status.DeliveredTotal);
        }

        Assert.Equal(0, cluster.World.Counters.AuthKeyDuplicated);
        Assert.Equal(0, cluster.World.Counters.SessionOverlaps);
        Assert.Equal(1, cluster.World.MaxConcurrentConnections(setup.Plan.NotifierSession));
        Assert.Equal(1, cluster.World.MaxConcurrentConnections(setup.Plan.ReaderSession));
    }
}
