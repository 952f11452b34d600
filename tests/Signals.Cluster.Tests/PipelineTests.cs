using Signals.Catalog;
using Signals.Alerts;
using Signals.Channels;
using Signals.Cluster.Tests.Support;
using Signals.Testing;
using Signals.Testing.Cluster;
using Signals.Tokens;

namespace Signals.Cluster.Tests;

[Collection(RedisCollection.Name)]
public sealed class PipelineTests(RedisFixture redis)
{
    [Fact]
    public async Task Three_channels_calling_one_token_deliver_one_alert_with_reader_token_and_delivery_on_different_silos()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 3);
        var setup = await cluster.SeedAsync(channels: 3);
        var address = TestAddresses.Solana(1);
        var silos = cluster.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToList();

        var reader = cluster.Client.GetGrain<IChannelReaderGrain>(setup.Plan.Channels[0]);
        var token = cluster.Client.GetGrain<ITokenGrain>($"solana:{address}");
        var delivery = cluster.Client.GetGrain<IAlertDeliveryGrain>(setup.Plan.DestinationName);
        await reader.GetStatusAsync();
        await token.GetDetailsAsync();
        await delivery.GetStatusAsync();
        await cluster.PlaceAsync(reader, silos[0]);
        await cluster.PlaceAsync(token, silos[1]);
        await cluster.PlaceAsync(delivery, silos[2]);

        cluster.World.Post(setup.ChannelIds[0], Calls.Call(address));
        cluster.World.Post(setup.ChannelIds[1], Calls.Noise(1));
        cluster.World.Post(setup.ChannelIds[1], Calls.Call(address));
        await Eventually.TrueAsync(
            async () => (await token.GetDetailsAsync()).Mentions.Count == 2,
            "two channels' mentions reached the token");
        Assert.Empty(cluster.World.MessagesIn(setup.DestinationId));

        cluster.World.Post(setup.ChannelIds[2], Calls.Call(address));
        await Eventually.TrueAsync(() => cluster.World.MessagesIn(setup.DestinationId).Count >= 1, "the alert reached the destination");
        await Eventually.TrueAsync(async () => (await delivery.GetStatusAsync()).DeliveredTotal >= 1, "the outbox recorded the delivery");

        var status = await delivery.GetStatusAsync();
        Assert.Empty(status.Pending);
        Assert.Equal(1, status.DeliveredTotal);
        var message = Assert.Single(cluster.World.MessagesIn(setup.DestinationId));
        Assert.Contains(address, message.Text, StringComparison.Ordinal);
        Assert.Equal(silos[0], cluster.HostOf(reader));
        Assert.Equal(silos[1], cluster.HostOf(token));
        Assert.Equal(silos[2], cluster.HostOf(delivery));
        Assert.Equal(0, cluster.World.Counters.AuthKeyDuplicated);

        // A fourth post of the same token inside the cooldown raises nothing new.
        cluster.World.Post(setup.ChannelIds[0], Calls.Call(address, "PEPE2"));
        await Eventually.TrueAsync(async () => (await token.GetDetailsAsync()).EventsSeen == 4, "the fourth mention was counted");
        Assert.Single(cluster.World.MessagesIn(setup.DestinationId));
    }

    [Fact]
    public async Task A_destination_added_without_rules_gets_the_configured_default_rules()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 1, new Dictionary<string, string?>
        {
            ["Signals:Rules:Default:0:Name"] = "pair",
            ["Signals:Rules:Default:0:Tiers:0:MinChannels"] = "2",
            ["Signals:Rules:Default:0:Tiers:0:Window"] = "00:05:00",
            ["Signals:Rules:Default:0:Cooldown"] = "01:00:00",
        });
        var setup = await cluster.SeedAsync(channels: 3);
        var destination = Assert.Single(await cluster.Client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListDestinationsAsync());
        var rule = Assert.Single(destination.Rules);
        Assert.Equal("pair", rule.Name);
        Assert.Equal(2, Assert.Single(rule.Tiers).MinChannels);

        var address = TestAddresses.Solana(41);
        cluster.World.Post(setup.ChannelIds[0], Calls.Call(address));
        cluster.World.Post(setup.ChannelIds[1], Calls.Call(address));
        await Eventually.TrueAsync(() => cluster.World.MessagesIn(setup.DestinationId).Count == 1, "two channels were enough under the configured rule");
    }
}
