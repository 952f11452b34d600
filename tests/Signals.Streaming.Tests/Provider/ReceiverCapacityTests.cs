using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;
using Signals.Streaming.Redis;
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
        var serviceId = "c" + Guid.NewGuid().ToString("N")[..10];
        await using var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(RedisBatchContainer).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer<RedisBatchContainer>>();
        var options = new RedisStreamOptions { ConnectionString = redis.Server.ConnectionString, QueueCount = 1 };
        var keys = new RedisStreamKeys(options.KeyPrefix, serviceId, Provider);
        await using var connection = new RedisStreamConnection(options, services);
        var database = (await connection.GetAsync()).GetDatabase();
        var receiver = new RedisQueueAdapterReceiver(
            Provider, keys, options, connection, serializer, new QueueDeliveryState(0), "test-silo", NullLogger.Instance);
        await receiver.Initialize(TimeSpan.FromSeconds(30));

        var events = Enumerable.Range(0, 13).Select(n => $"e{n}").ToList();
        await database.StreamAddAsync(keys.Queue(0), RedisEntryFormat.Fields(Batches(serializer, events[..10])));
        await database.StreamAddAsync(keys.Queue(0), RedisEntryFormat.Fields(Batches(serializer, events[10..])));

        var handed = new List<IBatchContainer>();
        for (var call = 0; call < 2; call++)
        {
            var read = await receiver.GetQueueMessagesAsync(4);
            Assert.Equal(4, read.Count);
            handed.AddRange(read);
        }

        await receiver.MessagesDeliveredAsync(handed);
        Assert.Equal(2, (await database.StreamPendingAsync(keys.Queue(0), options.ConsumerGroup)).PendingMessageCount);

        var rest = new List<IBatchContainer>();
        for (var call = 0; call < 20 && handed.Count + rest.Count < events.Count; call++)
        {
            var read = await receiver.GetQueueMessagesAsync(4);
            Assert.InRange(read.Count, 0, 4);
            rest.AddRange(read);
        }

        Assert.Equal(events, handed.Concat(rest).SelectMany(container => container.GetEvents<string>().Select(e => e.Item1)));
        await receiver.MessagesDeliveredAsync(rest);
        Assert.Equal(0, (await database.StreamPendingAsync(keys.Queue(0), options.ConsumerGroup)).PendingMessageCount);
        await receiver.Shutdown(TimeSpan.FromSeconds(30));
    }

    private static List<QueuedBatch> Batches(Serializer<RedisBatchContainer> serializer, IEnumerable<string> events)
    {
        var streamId = StreamId.Create("cap-ns", "cap-key");
        return events
            .Select(e => new QueuedBatch(streamId, serializer.SerializeToArray(new RedisBatchContainer(streamId, [e], null, null, null))))
            .ToList();
    }
}
