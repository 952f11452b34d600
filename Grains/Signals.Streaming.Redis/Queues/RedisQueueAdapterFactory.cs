using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

namespace Signals.Streaming.Redis;

/// <summary>Builds the adapter, receivers, cache, queue mapper and failure handlers of one provider.</summary>
internal sealed class RedisQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly RedisStreamOptions _options;
    private readonly RedisStreamConnection _connection;
    private readonly RedisStreamKeys _keys;
    private readonly Serializer<RedisBatchContainer> _serializer;
    private readonly ILoggerFactory _loggerFactory;
    private readonly string? _siloName;
    private readonly HashRingBasedStreamQueueMapper _mapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly ConcurrentDictionary<uint, QueueDeliveryState> _queues = new();

    public RedisQueueAdapterFactory(
        string name,
        RedisStreamOptions options,
        RedisStreamConnection connection,
        RedisStreamKeys keys,
        Serializer<RedisBatchContainer> serializer,
        SimpleQueueCacheOptions cacheOptions,
        string? siloName,
        ILoggerFactory loggerFactory)
    {
        _siloName = siloName;
        _name = name;
        _options = options;
        _connection = connection;
        _keys = keys;
        _serializer = serializer;
        _loggerFactory = loggerFactory;
        _mapper = RedisStreamsServices.CreateQueueMapper(name, options);
        _cache = new SimpleQueueAdapterCache(cacheOptions, name, loggerFactory);
    }

    public static RedisQueueAdapterFactory Create(IServiceProvider services, string name)
    {
        // Get() runs the validator: a bad value fails the silo (or client) start with an OptionsValidationException.
        var options = services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name);
        return new RedisQueueAdapterFactory(
            name,
            options,
            services.GetRequiredKeyedService<RedisStreamConnection>(name),
            services.GetRequiredKeyedService<RedisStreamKeys>(name),
            services.GetRequiredService<Serializer<RedisBatchContainer>>(),
            services.GetRequiredService<IOptionsMonitor<SimpleQueueCacheOptions>>().Get(name),
            services.GetService<ILocalSiloDetails>()?.Name,
            services.GetRequiredService<ILoggerFactory>());
    }

    public Task<IQueueAdapter> CreateAdapter() =>
        Task.FromResult<IQueueAdapter>(new RedisQueueAdapter(_name, this, _serializer, _connection, _keys, _mapper, _options.MaxBatchesPerEntry));

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new RedisDeliveryFailureHandler(_name, StateOf(queueId), _loggerFactory.CreateLogger<RedisDeliveryFailureHandler>()));

    internal IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new RedisQueueAdapterReceiver(_name, _keys, _options, _connection, _serializer, StateOf(queueId), _siloName, _loggerFactory.CreateLogger<RedisQueueAdapterReceiver>());

    private QueueDeliveryState StateOf(QueueId queueId) =>
        _queues.GetOrAdd(queueId.GetNumericId(), number => new QueueDeliveryState(number));
}
