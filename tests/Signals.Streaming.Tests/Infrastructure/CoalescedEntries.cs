using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using Signals.Streaming.Redis;
using Signals.Streaming.Tests.Grains;
using StackExchange.Redis;

namespace Signals.Streaming.Tests.Infrastructure;

/// <summary>Writes and reads multi-batch (group-commit) entries straight in Redis, the format the adapter writes.</summary>
internal static class CoalescedEntries
{
    /// <summary>
    /// Adds one entry carrying one batch per event id (all on <paramref name="streamKey"/>) and, in the same
    /// transaction, reads it as <paramref name="deadConsumer"/>: as if a reader had taken it and died unacknowledged.
    /// Returns the entry id.
    /// </summary>
    public static async Task<string> AddPendingAsync(
        InProcessTestCluster cluster, IConnectionMultiplexer redis, string serviceId, string streamKey, string deadConsumer, params string[] eventIds)
    {
        var serializer = cluster.Client.ServiceProvider.GetRequiredService<Serializer<RedisBatchContainer>>();
        var streamId = TestStreams.Id(streamKey);
        var batches = eventIds
            .Select(id => new QueuedBatch(streamId, serializer.SerializeToArray(new RedisBatchContainer(streamId, [new TestEvent(id)], null, null, null))))
            .ToList();
        var queueKey = QueueOf(serviceId, streamKey);
        var group = new RedisStreamOptions().ConsumerGroup;
        var database = redis.GetDatabase();

        // The group may not exist yet if no silo has read this queue.
        try
        {
            await database.StreamCreateConsumerGroupAsync(queueKey, group, "0", createStream: true);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }

        var transaction = database.CreateTransaction();
        var added = transaction.StreamAddAsync(queueKey, RedisEntryFormat.Fields(batches));
        var read = transaction.ExecuteAsync("XREADGROUP", "GROUP", group, deadConsumer, "COUNT", "1000", "STREAMS", queueKey, ">");
        if (!await transaction.ExecuteAsync())
        {
            throw new InvalidOperationException("The add-and-read transaction did not run.");
        }

        await read;
        return (await added).ToString();
    }

    /// <summary>Batches per entry of the queue <paramref name="streamKey"/> maps to, oldest entry first.</summary>
    public static async Task<IReadOnlyList<int>> BatchesPerEntryAsync(IConnectionMultiplexer redis, string serviceId, string streamKey) =>
        (await redis.GetDatabase().StreamRangeAsync(QueueOf(serviceId, streamKey), "-", "+"))
            .Select(entry => RedisEntryFormat.Payloads(entry).Count)
            .ToList();

    public static RedisKey QueueOf(string serviceId, string streamKey)
    {
        var mapper = RedisStreamsServices.CreateQueueMapper(TestStreams.Provider, new RedisStreamOptions { QueueCount = StreamClusters.QueueCount });
        return StreamClusters.Keys(serviceId).Queue(mapper.GetQueueForStream(TestStreams.Id(streamKey)).GetNumericId());
    }
}
