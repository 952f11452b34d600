using Orleans.Runtime;
using Orleans.Streams;
using Signals.Streaming.Redis;
using Signals.Streaming.Tests.Infrastructure;
using Signals.Testing;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

/// <summary>The receiver against real Redis, without a cluster: how multi-batch entries meet the agent's cache limit.</summary>
public sealed class ReceiverCapacityTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Provider = "capacity";

    [Fact]
    public async Task A_read_never_hands_over_more_batches_than_asked_and_entries_are_acknowledged_only_when_whole()
    {
        await using var standalone = await StandaloneReceiver.StartAsync(Provider, new RedisStreamOptions { ConnectionString = redis.Server.ConnectionString });
        var (receiver, database, queue, group) = (standalone.Receiver, standalone.Database, standalone.Queue, standalone.Options.ConsumerGroup);

        var events = Enumerable.Range(0, 13).Select(n => $"e{n}").ToList();
        await database.StreamAddAsync(queue, RedisEntryFormat.Fields(Batches(standalone, events[..10])));
        await database.StreamAddAsync(queue, RedisEntryFormat.Fields(Batches(standalone, events[10..])));

        var handed = new List<IBatchContainer>();
        for (var call = 0; call < 2; call++)
        {
            var read = await receiver.GetQueueMessagesAsync(4);
            Assert.Equal(4, read.Count);
            handed.AddRange(read);
        }

        await receiver.MessagesDeliveredAsync(handed);
        Assert.Equal(2, (await database.StreamPendingAsync(queue, group)).PendingMessageCount);

        var rest = new List<IBatchContainer>();
        for (var call = 0; call < 20 && handed.Count + rest.Count < events.Count; call++)
        {
            var read = await receiver.GetQueueMessagesAsync(4);
            Assert.InRange(read.Count, 0, 4);
            rest.AddRange(read);
        }

        Assert.Equal(events, handed.Concat(rest).SelectMany(container => container.GetEvents<string>().Select(e => e.Item1)));
        await receiver.MessagesDeliveredAsync(rest);
        Assert.Equal(0, (await database.StreamPendingAsync(queue, group)).PendingMessageCount);
    }

    private static List<QueuedBatch> Batches(StandaloneReceiver standalone, IEnumerable<string> events)
    {
        var streamId = StreamId.Create("cap-ns", "cap-key");
        return events.Select(e => standalone.Batch(streamId, e)).ToList();
    }
}
