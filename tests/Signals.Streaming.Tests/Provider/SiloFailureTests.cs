using System.Collections.Concurrent;
using Orleans.TestingHost;
using Signals.Streaming.Tests.Grains;
using Signals.Streaming.Tests.Infrastructure;
using Signals.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Signals.Streaming.Tests.Provider;

public sealed class SiloFailureTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    private const int QueueCount = 4;

    [Fact]
    public async Task Killing_a_silo_that_owns_queues_loses_no_event_published_before_the_kill()
    {
        var run = "k" + Guid.NewGuid().ToString("N")[..10];
        var cluster = await StreamClusters.StartAsync(redis.Server, run, silos: 2);
        await using var connection = await redis.Server.ConnectAsync();
        var inspector = new QueueInspector(connection, run, QueueCount);
        var published = new ConcurrentBag<string>();
        try
        {
            var victim = cluster.Silos[1];
            using var stop = new CancellationTokenSource();
            var publisher = Task.Run(async () =>
            {
                // Bounded, but long enough to outlast queue rebalancing on a loaded machine; stopped shortly after the kill.
                for (var n = 0; !stop.IsCancellationRequested && n < 5000; n++)
                {
                    var id = $"{run}/e{n}";
                    await cluster.PublishAsync($"{run}-k{n % 12}", id);
                    published.Add(id);
                    await Task.Delay(5);
                }
            });

            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count >= 60, "events flowing before the kill");
            // Queues are balanced onto the second silo some time after it joins: wait until the victim really holds entries.
            await Eventually.HoldsAsync(
                async () => (await inspector.ConsumersHoldingEntriesAsync()).Any(name => name.StartsWith(victim.Name + "/", StringComparison.Ordinal)),
                "the victim silo holds unacknowledged entries");

            var publishedBeforeKill = published.ToHashSet(StringComparer.Ordinal);
            await cluster.KillSiloAsync(victim).WaitAsync(StreamClusters.Timeout);
            await Task.Delay(300);
            await stop.CancelAsync();
            await publisher.WaitAsync(StreamClusters.Timeout);

            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).IsSupersetOf(publishedBeforeKill), "every pre-kill event delivered after the kill");
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count == published.Count, "every event delivered");

            Assert.Equal(published.ToHashSet(StringComparer.Ordinal), DeliveryLog.DeliveredIds(run));
            Assert.Equal(0, await connection.GetDatabase().StreamLengthAsync(inspector.DeadLetters));
            output.WriteLine($"published {published.Count} ({publishedBeforeKill.Count} before the kill), delivered {DeliveryLog.DeliveredIds(run).Count} distinct, duplicates {DeliveryLog.Duplicates(run)}");
        }
        finally
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }

    [Fact]
    public async Task Entries_pending_when_the_whole_cluster_stops_are_delivered_by_a_new_cluster()
    {
        var run = "s" + Guid.NewGuid().ToString("N")[..10];
        await using var connection = await redis.Server.ConnectAsync();
        var inspector = new QueueInspector(connection, run, QueueCount);
        var expected = Enumerable.Range(0, 40).Select(n => $"{run}/e{n}").ToHashSet(StringComparer.Ordinal);

        // First cluster: every delivery fails, so entries are read but stay unacknowledged when it stops.
        PoisonSwitch.Poison(run);
        var first = await StreamClusters.StartAsync(redis.Server, run, silos: 2);
        try
        {
            var n = 0;
            foreach (var id in expected)
            {
                await first.PublishAsync($"{run}-k{n++ % 4}", id).WaitAsync(StreamClusters.Timeout);
            }

            await Eventually.HoldsAsync(async () => await inspector.PendingAsync() >= 4, "entries read but not acknowledged");
            await first.StopAllSilosAsync().WaitAsync(StreamClusters.Timeout);
        }
        finally
        {
            await first.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
            PoisonSwitch.Cure(run);
        }

        Assert.True(await inspector.PendingAsync() >= 4);
        Assert.Empty(DeliveryLog.DeliveredIds(run));

        var second = await StreamClusters.StartAsync(redis.Server, run, silos: 2);
        try
        {
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count == expected.Count, "the new cluster delivered everything");
            Assert.Equal(expected, DeliveryLog.DeliveredIds(run));
            await Eventually.HoldsAsync(async () => await inspector.PendingAsync() == 0, "everything acknowledged");
        }
        finally
        {
            await second.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }
}
