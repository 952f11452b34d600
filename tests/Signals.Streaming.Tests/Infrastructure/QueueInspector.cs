using Signals.Streaming.Redis;
using StackExchange.Redis;

namespace Signals.Streaming.Tests.Infrastructure;

/// <summary>Reads a provider's queues straight from Redis, the way an operator would with redis-cli.</summary>
internal sealed class QueueInspector(IConnectionMultiplexer redis, string serviceId, int queueCount)
{
    private readonly RedisStreamKeys _keys = StreamClusters.Keys(serviceId);
    private readonly string _group = new RedisStreamOptions().ConsumerGroup;

    private IDatabase Database => redis.GetDatabase();

    public RedisKey Queue(uint number) => _keys.Queue(number);

    public RedisKey DeadLetters => _keys.DeadLetters;

    public async Task<long> PendingAsync()
    {
        long total = 0;
        for (uint queue = 0; queue < queueCount; queue++)
        {
            if (await Database.KeyExistsAsync(Queue(queue)))
            {
                total += (await Database.StreamPendingAsync(Queue(queue), _group)).PendingMessageCount;
            }
        }

        return total;
    }

    /// <summary>Consumer names (silo/guid) that hold pending entries, per queue.</summary>
    public async Task<IReadOnlyList<string>> ConsumersHoldingEntriesAsync()
    {
        var holders = new List<string>();
        for (uint queue = 0; queue < queueCount; queue++)
        {
            if (await Database.KeyExistsAsync(Queue(queue)))
            {
                holders.AddRange((await Database.StreamConsumerInfoAsync(Queue(queue), _group)).Select(consumer => consumer.Name));
            }
        }

        return holders;
    }
}
