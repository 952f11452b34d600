using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace Signals.Streaming.Redis;

/// <summary>Writes published events to their queue's Redis stream (one XADD per publish call) and makes receivers.</summary>
internal sealed class RedisQueueAdapter : IQueueAdapter
{
    private readonly RedisQueueAdapterFactory _factory;
    private readonly Serializer<RedisBatchContainer> _serializer;
    private readonly RedisStreamConnection _connection;
    private readonly RedisStreamKeys _keys;
    private readonly IStreamQueueMapper _mapper;

    public RedisQueueAdapter(
        string name,
        RedisQueueAdapterFactory factory,
        Serializer<RedisBatchContainer> serializer,
        RedisStreamConnection connection,
        RedisStreamKeys keys,
        IStreamQueueMapper mapper)
    {
        Name = name;
        _factory = factory;
        _serializer = serializer;
        _connection = connection;
        _keys = keys;
        _mapper = mapper;
    }

    public string Name { get; }

    /// <summary>
    /// Not rewindable: a subscriber cannot ask for a position, and Orleans then skips its token handshake, which
    /// would otherwise drop a redelivered entry as "already seen".
    /// </summary>
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => _factory.CreateReceiver(queueId);

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("Redis streams do not support publishing at a sequence token.", nameof(token));
        }

        var items = events.Cast<object>().ToList();
        if (items.Count == 0)
        {
            return;
        }

        using var activity = StreamTracing.Source.StartActivity("signals.stream publish", ActivityKind.Producer);
        var (traceParent, traceState) = StreamTracing.Capture(activity ?? Activity.Current);
        var payload = _serializer.SerializeToArray(new RedisBatchContainer(streamId, items, requestContext, traceParent, traceState));
        var queueKey = _keys.Queue(_mapper.GetQueueForStream(streamId).GetNumericId());
        NameValueEntry[] fields =
        [
            new(RedisEntryFields.Namespace, streamId.Namespace.ToArray()),
            new(RedisEntryFields.Key, streamId.Key.ToArray()),
            new(RedisEntryFields.Payload, payload),
        ];

        try
        {
            var database = (await _connection.GetAsync()).GetDatabase();
            // Completes only when Redis has the entry: a caller may advance its own cursor after this await.
            await database.StreamAddAsync(queueKey, fields);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw new RedisStreamUnavailableException(
                $"Redis did not accept the events for stream '{streamId}' (provider '{Name}'); they were not enqueued.", exception);
        }

        StreamingInstruments.RecordEnqueued(Name, 1);
    }
}
