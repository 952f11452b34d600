using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Signals.Streaming.Redis;

/// <summary>
/// One Redis stream entry: the events of one publish call, the publisher's request context and trace context.
/// The token and entry id are assigned when a receiver reads the entry; they are not stored in Redis.
/// </summary>
[GenerateSerializer, Alias("Signals.Streaming.Redis.RedisBatchContainer")]
public sealed class RedisBatchContainer : IBatchContainer
{
    public RedisBatchContainer(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext, string? traceParent, string? traceState)
    {
        StreamId = streamId;
        Events = events;
        RequestContextData = requestContext;
        TraceParent = traceParent;
        TraceState = traceState;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    [Id(1)]
    public List<object> Events { get; }

    [Id(2)]
    public Dictionary<string, object>? RequestContextData { get; }

    /// <summary>W3C traceparent of the publisher (Activity.Current or its publish span) when it was traced.</summary>
    [Id(3)]
    public string? TraceParent { get; }

    [Id(4)]
    public string? TraceState { get; }

    /// <summary>Receiver-local order of this delivery (a redelivery gets a new, later token).</summary>
    [Id(5)]
    public EventSequenceTokenV2 Token { get; internal set; } = new(0);

    /// <summary>The Redis stream entry id ("ms-seq"), set on read.</summary>
    [Id(6)]
    public string? EntryId { get; internal set; }

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.OfType<T>().Select((item, index) => Tuple.Create<T, StreamSequenceToken>(item, Token.CreateSequenceTokenForEvent(index)));

    public bool ImportRequestContext()
    {
        var imported = false;
        if (RequestContextData is not null)
        {
            RequestContextExtensions.Import(RequestContextData);
            imported = true;
        }

        if (TraceParent is not null)
        {
            RequestContext.Set(StreamTracing.TraceParentKey, TraceParent);
            if (TraceState is not null)
            {
                RequestContext.Set(StreamTracing.TraceStateKey, TraceState);
            }

            imported = true;
        }

        return imported;
    }
}
