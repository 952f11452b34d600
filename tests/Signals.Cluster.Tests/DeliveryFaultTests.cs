using Signals.Alerts;
using Signals.Cluster.Tests.Support;
using Signals.Testing;
using Signals.Testing.Cluster;

namespace Signals.Cluster.Tests;

[Collection(RedisCollection.Name)]
public sealed class DeliveryFaultTests(RedisFixture redis)
{
    [Fact]
    public async Task An_alert_whose_sends_fail_stays_pending_and_is_delivered_exactly_once_when_the_fault_clears()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 2);
        var setup = await cluster.SeedAsync(channels: 3);
        var delivery = cluster.Client.GetGrain<IAlertDeliveryGrain>(setup.Plan.DestinationName);

        // Sends are held: the alert must wait in the outbox, visible, while nothing reaches Telegram.
        cluster.World.Faults.HoldSends();
        var address = TestAddresses.Solana(11);
        foreach (var channel in setup.ChannelIds)
        {
            cluster.World.Post(channel, Calls.Call(address));
        }

        await Eventually.TrueAsync(async () => (await delivery.GetStatusAsync()).Pending.Count == 1, "the alert is in the outbox");
        Assert.Empty(cluster.World.MessagesIn(setup.DestinationId));

        // Then: two transient failures, a reply lost after Telegram stored the message, and a flood wait.
        cluster.World.Faults.FailNextSends(2);
        cluster.World.Faults.LoseNextSendReplies(1);
        cluster.World.Faults.ReleaseSends();
        await Eventually.TrueAsync(async () => (await delivery.GetStatusAsync()).DeliveredTotal == 1, "the alert was delivered");

        var status = await delivery.GetStatusAsync();
        Assert.Empty(status.Pending);
        var delivered = Assert.Single(status.Delivered);
        Assert.True(delivered.Attempts >= 3, $"expected retries, saw {delivered.Attempts} attempts");
        var message = Assert.Single(cluster.World.MessagesIn(setup.DestinationId));
        Assert.Contains(address, message.Text, StringComparison.Ordinal);
        Assert.Equal(delivered.TelegramMessageId, message.MessageId);
        Assert.True(cluster.World.Counters.DuplicateSendsSuppressed >= 1, "the resend after the lost reply must be recognised by random_id");
    }

    [Fact]
    public async Task A_flood_wait_is_honoured_and_the_alert_is_delivered_once_after_it()
    {
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 2);
        var setup = await cluster.SeedAsync(channels: 3);
        var delivery = cluster.Client.GetGrain<IAlertDeliveryGrain>(setup.Plan.DestinationName);
        cluster.World.Faults.FloodWaitNextSends(TimeSpan.FromSeconds(2));
        var address = TestAddresses.Solana(12);
        foreach (var channel in setup.ChannelIds)
        {
            cluster.World.Post(channel, Calls.Call(address));
        }

        await Eventually.TrueAsync(async () => (await delivery.GetStatusAsync()).PausedUntil is not null, "the destination is paused by the flood wait");
        var paused = await delivery.GetStatusAsync();
        Assert.Single(paused.Pending);
        Assert.Contains("FLOOD_WAIT", paused.Pending[0].LastError, StringComparison.Ordinal);

        await Eventually.TrueAsync(async () => (await delivery.GetStatusAsync()).DeliveredTotal == 1, "the alert was delivered after the wait");
        Assert.Single(cluster.World.MessagesIn(setup.DestinationId));
        Assert.Equal(1, cluster.World.Counters.FloodWaitsServed);
        Assert.Equal(0, cluster.World.Counters.FloodWaitViolations);
    }
}
