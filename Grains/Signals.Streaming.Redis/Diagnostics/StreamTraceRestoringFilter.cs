using System.Diagnostics;
using Orleans.Runtime;

namespace Signals.Streaming.Redis;

/// <summary>
/// On a silo, turns the trace context that travelled inside a stream event back into <see cref="Activity.Current"/>
/// for the subscriber, so one trace covers publisher → Redis → subscriber.
/// </summary>
internal sealed class StreamTraceRestoringFilter : IIncomingGrainCallFilter
{
    private const string DeliverBatchMethod = "DeliverBatch";

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(StreamTracing.TraceParentKey) is not string traceParent
            || !string.Equals(context.MethodName, DeliverBatchMethod, StringComparison.Ordinal))
        {
            await context.Invoke();
            return;
        }

        var traceState = RequestContext.Get(StreamTracing.TraceStateKey) as string;
        // Downstream calls of the subscriber must not look like stream deliveries.
        RequestContext.Remove(StreamTracing.TraceParentKey);
        RequestContext.Remove(StreamTracing.TraceStateKey);

        if (!ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent))
        {
            await context.Invoke();
            return;
        }

        using var activity = StreamTracing.Source.StartActivity("signals.stream deliver", ActivityKind.Consumer, parent);
        var previous = Activity.Current;
        if (activity is null)
        {
            // Nobody samples our source, but the subscriber's own spans should still join the publisher's trace.
            using var carrier = new Activity("signals.stream deliver");
            carrier.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
            carrier.TraceStateString = traceState;
            carrier.Start();
            try
            {
                await context.Invoke();
            }
            finally
            {
                carrier.Stop();
                Activity.Current = previous;
            }

            return;
        }

        await context.Invoke();
    }
}
