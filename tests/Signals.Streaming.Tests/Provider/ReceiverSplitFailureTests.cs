using Orleans.Runtime;
using Orleans.Streams;
using Signals.Streaming.Redis;
using Signals.Streaming.Tests.Infrastructure;
using Signals.Testing;
using StackExchange.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

/// <summary>
/// The receiver against real Redis when a split (or dead-letter) call fails halfway through a read: entries of that
/// read that were already decoded must not be left "in flight" without ever reaching the agent.
/// </summary>
public sealed class ReceiverSplitFailureTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Provider = "splitfail";

    [Fact]
    public async Task An_entry_read_beside_one_whose_split_fails_is_delivered_once_redis_accepts_writes_again()
    {
        await using var standalone = await StandaloneReceiver.StartAsync(Provider, new RedisStreamOptions
        {
            ConnectionString = redis.Server.ConnectionString,
            RedeliveryDelay = TimeSpan.FromMilliseconds(200),
            MaintenanceInterval = TimeSpan.FromMilliseconds(200),
        });
        var (receiver, database, queue, group) = (standalone.Receiver, standalone.Database, standalone.Queue, standalone.Options.ConsumerGroup);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);

        var streamId = StreamId.Create("split-ns", "split-key");
        await database.StreamAddAsync(queue, RedisEntryFormat.Fields([standalone.Batch(streamId, "alone")]));
        // A group commit with one batch that does not decode: the receiver splits it so only that batch is dead-lettered.
        await database.StreamAddAsync(
            queue, RedisEntryFormat.Fields([standalone.Batch(streamId, "beside-garbage"), new QueuedBatch(streamId, [0xFF, 0x00, 0x13])]));

        // Redis refuses writes (XADD, so the split script) but still serves XREADGROUP: the read fails at the split,
        // after it has already decoded the first entry.
        await server.ConfigSetAsync("maxmemory", "1");
        try
        {
            await Assert.ThrowsAsync<RedisServerException>(() => receiver.GetQueueMessagesAsync(100));
        }
        finally
        {
            await server.ConfigSetAsync("maxmemory", "0");
        }

        var delivered = new List<string>();
        await Eventually.HoldsAsync(
            async () =>
            {
                var read = await receiver.GetQueueMessagesAsync(100);
                delivered.AddRange(read.SelectMany(container => container.GetEvents<string>().Select(e => e.Item1)));
                await receiver.MessagesDeliveredAsync(read);
                return delivered.Contains("alone") && delivered.Contains("beside-garbage");
            },
            "both decodable batches delivered after the failed split",
            TimeSpan.FromSeconds(30));

        await Eventually.HoldsAsync(
            async () => await database.StreamLengthAsync(standalone.Keys.DeadLetters) == 1,
            "the undecodable batch alone in the dead letters",
            TimeSpan.FromSeconds(30));
        Assert.Equal(0, (await database.StreamPendingAsync(queue, group)).PendingMessageCount);
    }
}
