using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Serialization;
using Signals.Streaming.Redis;
using StackExchange.Redis;

namespace Signals.Streaming.Tests.Infrastructure;

/// <summary>
/// One queue's receiver against real Redis, without a cluster: the serializer, a connection, the queue's keys under
/// a fresh service id, and the receiver itself, initialised. Tests drive it the way a pulling agent would.
/// </summary>
internal sealed class StandaloneReceiver : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StandaloneReceiver(ServiceProvider services, RedisStreamOptions options, RedisStreamKeys keys, RedisStreamConnection connection, IDatabase database, RedisQueueAdapterReceiver receiver)
    {
        _services = services;
        Serializer = services.GetRequiredService<Serializer<RedisBatchContainer>>();
        Options = options;
        Keys = keys;
        Connection = connection;
        Database = database;
        Receiver = receiver;
    }

    public Serializer<RedisBatchContainer> Serializer { get; }

    public RedisStreamOptions Options { get; }

    public RedisStreamKeys Keys { get; }

    public RedisStreamConnection Connection { get; }

    public IDatabase Database { get; }

    public RedisQueueAdapterReceiver Receiver { get; }

    /// <summary>The only queue's key.</summary>
    public RedisKey Queue => Keys.Queue(0);

    /// <param name="options">Connection string and tuning; the queue count is set to 1.</param>
    public static async Task<StandaloneReceiver> StartAsync(string provider, RedisStreamOptions options)
    {
        options.QueueCount = 1;
        var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(RedisBatchContainer).Assembly))
            .BuildServiceProvider();
        var keys = new RedisStreamKeys(options.KeyPrefix, "s" + Guid.NewGuid().ToString("N")[..10], provider);
        var connection = new RedisStreamConnection(options, services);
        var database = (await connection.GetAsync()).GetDatabase();
        var receiver = new RedisQueueAdapterReceiver(
            provider, keys, options, connection, services.GetRequiredService<Serializer<RedisBatchContainer>>(), new QueueDeliveryState(0), "test-silo", NullLogger.Instance);
        await receiver.Initialize(TimeSpan.FromSeconds(30));
        return new StandaloneReceiver(services, options, keys, connection, database, receiver);
    }

    /// <summary>One publish of one event, serialized as the adapter does.</summary>
    public QueuedBatch Batch(StreamId streamId, string e) =>
        new(streamId, Serializer.SerializeToArray(new RedisBatchContainer(streamId, [e], null, null, null)));

    public async ValueTask DisposeAsync()
    {
        await Receiver.Shutdown(TimeSpan.FromSeconds(30));
        await Connection.DisposeAsync();
        await _services.DisposeAsync();
    }
}
