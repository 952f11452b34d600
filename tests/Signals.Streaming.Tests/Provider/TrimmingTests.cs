using Signals.Streaming.Tests.Grains;
using Signals.Streaming.Tests.Infrastructure;
using Signals.Testing;
using StackExchange.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

public sealed class TrimmingTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const int MaxLength = 20;

    [Fact]
    public async Task Trimming_bounds_the_stream_but_never_removes_unacknowledged_entries()
    {
        var run = "m" + Guid.NewGuid().ToString("N")[..10];
        var stuck = $"{run}/stuck";
        PoisonSwitch.Poison(stuck);
        var cluster = await StreamClusters.StartAsync(redis.Server, run, silos: 1, options =>
        {
            options.QueueCount = 1;
            options.MaxStreamLength = MaxLength;
            options.MaxDeliveryAttempts = 1000;
        });
        await using var connection = await redis.Server.ConnectAsync();
        var database = connection.GetDatabase();
        var inspector = new QueueInspector(connection, run, queueCount: 1);
        try
        {
            await PublishAsync(cluster, $"{run}-ok", $"{run}/a", 50);
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds($"{run}/a").Count == 50, "first 50 delivered");
            await Eventually.HoldsAsync(async () => await inspector.PendingAsync() == 0, "first 50 acknowledged");
            await PublishAsync(cluster, $"{run}-stuck", stuck, 5);
            await PublishAsync(cluster, $"{run}-ok", $"{run}/b", 50);
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds($"{run}/b").Count == 50, "next 50 delivered");

            // The failing entries (and, until the agent's cache lets go of them, entries acknowledged after them) are
            // pending: trimming may drop the 50 acknowledged entries before them, and nothing from there on.
            await Eventually.HoldsAsync(async () => await database.StreamLengthAsync(inspector.Queue(0)) == 55, "acknowledged entries below the oldest pending trimmed");
            var pendingIds = (await database.StreamPendingMessagesAsync(inspector.Queue(0), "signals", 1000, RedisValue.Null))
                .Select(pending => pending.MessageId).ToArray();
            Assert.True(pendingIds.Length >= 5, $"{pendingIds.Length} pending");
            foreach (var id in pendingIds)
            {
                Assert.Single(await database.StreamRangeAsync(inspector.Queue(0), id, id));
            }

            PoisonSwitch.Cure(stuck);
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(stuck).Count == 5, "the stuck entries delivered once healthy");
            await Eventually.HoldsAsync(async () => await database.StreamLengthAsync(inspector.Queue(0)) == MaxLength, "stream trimmed to its maximum length");
            Assert.Equal(0, await inspector.PendingAsync());
        }
        finally
        {
            PoisonSwitch.Cure(stuck);
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }

    private static async Task PublishAsync(Orleans.TestingHost.InProcessTestCluster cluster, string key, string prefix, int count)
    {
        for (var n = 0; n < count; n++)
        {
            await cluster.PublishAsync(key, $"{prefix}{n}").WaitAsync(StreamClusters.Timeout);
        }
    }
}
