using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

namespace Signals.Streaming.Redis;

/// <summary>
/// Writes published events to their queue's Redis stream and makes receivers. Each publish call is one batch;
/// concurrent publishes to the same queue share an XADD (see <see cref="RedisQueueWriter"/>).
/// </summary>
internal sealed class RedisQueueAdapter : IQueueAdapter
{
    private readonly RedisQueueAdapterFactory _factory;
    private readonly Serializer<RedisBatchContainer> _serializer;
    private readonly RedisStreamConnection _connection;
    private readonly RedisStreamKeys _keys;
    private readonly IStreamQueueMapper _mapper;
    private readonly int _maxBatchesPerEntry;
    private readonly ConcurrentDictionary<uint, RedisQueueWriter> _writers = new();

    public RedisQueueAdapter(
        string name,
        RedisQueueAdapterFactory factory,
        Serializer<RedisBatchContainer> serializer,
        RedisStreamConnection connection,
        RedisStreamKeys keys,
        IStreamQueueMapper mapper,
        int maxBatchesPerEntry)
    {
        Name = name;
        _factory = factory;
        _serializer = serializer;
        _connection = connection;
        _keys = keys;
        _mapper = mapper;
        _maxBatchesPerEntry = maxBatchesPerEntry;
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
        var queue = _mapper.GetQueueForStream(streamId).GetNumericId();
        var writer = _writers.GetOrAdd(queue, CreateWriter);
        try
        {
            // Completes only when Redis has the entry: a caller may advance its own cursor after this await.
            await writer.AppendAsync(new QueuedBatch(streamId, payload));
        }
        catch (RedisStreamUnavailableException exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    private RedisQueueWriter CreateWriter(uint queue) => new(Name, _keys.Queue(queue), _connection, _maxBatchesPerEntry);
}
