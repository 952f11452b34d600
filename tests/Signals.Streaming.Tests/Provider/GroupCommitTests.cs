using Signals.Streaming.Redis;
using Signals.Streaming.Tests.Grains;
using Signals.Streaming.Tests.Infrastructure;
using Signals.Testing;
using StackExchange.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

/// <summary>
/// Group commit: publishes to one queue made while its XADD is in flight share one entry; such an entry is
/// delivered whole once, then split into one entry per batch whenever it has to come back.
/// </summary>
public sealed class GroupCommitTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Publishes_made_while_an_XADD_waits_share_one_entry_and_every_event_is_delivered()
    {
        var run = "g" + Guid.NewGuid().ToString("N")[..10];
        var stream = $"{run}-k";
        var cluster = await StreamClusters.StartAsync(redis.Server, run, silos: 1);
        await using var admin = await redis.Server.ConnectAsync();
        try
        {
            // Hold every write for a while: the first publish's XADD waits in Redis, the others queue up behind it.
            await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "3000", "WRITE");
            var ids = Enumerable.Range(0, 20).Select(n => $"{run}/e{n}").ToList();
            var publishes = ids.Select(id => cluster.PublishAsync(stream, id)).ToList();
            await Task.WhenAll(publishes).WaitAsync(StreamClusters.Timeout);

            // Typically [1, 19]: the first XADD alone, the rest in one entry. Which publish reaches the writer first
            // (and whether a second one slips into that first XADD) depends on threads, so only the sum is exact.
            var batchesPerEntry = await CoalescedEntries.BatchesPerEntryAsync(admin, run, stream);
            Assert.Equal(ids.Count, batchesPerEntry.Sum());
            Assert.True(batchesPerEntry.Count < ids.Count / 2, $"publishes shared entries: [{string.Join(", ", batchesPerEntry)}]");
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count == ids.Count, "every event delivered");
            Assert.Equal(ids.ToHashSet(StringComparer.Ordinal), DeliveryLog.DeliveredIds(run));
            var inspector = new QueueInspector(admin, run, StreamClusters.QueueCount);
            await Eventually.HoldsAsync(async () => await inspector.PendingAsync() == 0, "both entries acknowledged");
        }
        finally
        {
            await admin.GetDatabase().ExecuteAsync("CLIENT", "UNPAUSE");
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }

    [Fact]
    public async Task A_coalesced_entry_with_a_poison_batch_is_split_and_only_the_poison_batch_is_dead_lettered()
    {
        const int Attempts = 3;
        var run = "q" + Guid.NewGuid().ToString("N")[..10];
        var stream = $"{run}-k";
        var poison = $"{run}/poison";
        PoisonSwitch.Poison(poison);
        var cluster = await StreamClusters.StartAsync(redis.Server, run, silos: 1, options => options.MaxDeliveryAttempts = Attempts);
        await using var admin = await redis.Server.ConnectAsync();
        try
        {
            var deadLetters = RedisDeadLetters.For(cluster.Client.ServiceProvider, TestStreams.Provider);
            var entryId = await CoalescedEntries.AddPendingAsync(cluster, admin, run, stream, "gone/reader", $"{run}/good1", poison, $"{run}/good2");

            await Eventually.HoldsAsync(async () => await deadLetters.CountAsync() == 1, "the poison batch dead-lettered");

            var letter = Assert.Single(await deadLetters.ListAsync());
            Assert.Equal(Attempts, letter.Deliveries);
            Assert.Equal("max-deliveries", letter.Reason);
            Assert.Equal(stream, letter.StreamKey);
            Assert.NotEqual(entryId, letter.OriginalEntryId);
            Assert.Equal(new HashSet<string>(StringComparer.Ordinal) { $"{run}/good1", $"{run}/good2" }, DeliveryLog.DeliveredIds(run));
            // The original entry was split: it and each of its three parts exist, and none of them is pending.
            Assert.Equal([3, 1, 1, 1], await CoalescedEntries.BatchesPerEntryAsync(admin, run, stream));
            var inspector = new QueueInspector(admin, run, StreamClusters.QueueCount);
            await Eventually.HoldsAsync(async () => await inspector.PendingAsync() == 0, "nothing left pending");

            PoisonSwitch.Cure(poison);
            Assert.NotNull(await deadLetters.ReplayAsync(letter.Id));
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Contains(poison), "the replayed batch delivered");
        }
        finally
        {
            PoisonSwitch.Cure(poison);
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }

    [Fact]
    public async Task A_coalesced_entry_left_pending_by_a_dead_reader_is_redelivered_with_every_event()
    {
        var run = "r" + Guid.NewGuid().ToString("N")[..10];
        var stream = $"{run}-k";
        var cluster = await StreamClusters.StartAsync(redis.Server, run, silos: 2);
        await using var admin = await redis.Server.ConnectAsync();
        try
        {
            var ids = Enumerable.Range(0, 5).Select(n => $"{run}/e{n}").ToArray();
            await CoalescedEntries.AddPendingAsync(cluster, admin, run, stream, "dead-silo/reader", ids);

            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count == ids.Length, "every event of the entry delivered");
            Assert.Equal(ids.ToHashSet(StringComparer.Ordinal), DeliveryLog.DeliveredIds(run));
            var inspector = new QueueInspector(admin, run, StreamClusters.QueueCount);
            await Eventually.HoldsAsync(async () => await inspector.PendingAsync() == 0, "the entry and its parts acknowledged");
            Assert.DoesNotContain("dead-silo/reader", await ConsumersWithPendingAsync(admin, CoalescedEntries.QueueOf(run, stream)));
        }
        finally
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }

    private static async Task<IReadOnlyList<string>> ConsumersWithPendingAsync(IConnectionMultiplexer redis, RedisKey queue) =>
        (await redis.GetDatabase().StreamConsumerInfoAsync(queue, new RedisStreamOptions().ConsumerGroup))
            .Where(consumer => consumer.PendingMessageCount > 0)
            .Select(consumer => consumer.Name.ToString())
            .ToList();
}
