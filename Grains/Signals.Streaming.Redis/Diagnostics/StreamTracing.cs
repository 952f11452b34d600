using System.Diagnostics;

namespace Signals.Streaming.Redis;

/// <summary>
/// ActivitySource <c>Signals.Streaming</c>, and the request-context keys that carry a publisher's trace context from
/// the pulling agent to the subscriber. Our own keys, because Orleans' outgoing filter may overwrite "traceparent"
/// with the agent's context when the (noisy) runtime source is traced.
/// </summary>
public static class StreamTracing
{
    public const string ActivitySourceName = "Signals.Streaming";

    internal const string TraceParentKey = "signals.stream.traceparent";
    internal const string TraceStateKey = "signals.stream.tracestate";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>The W3C traceparent to store with a published event: the publish span if sampled, else the caller's.</summary>
    internal static (string? TraceParent, string? TraceState) Capture(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C } ? (activity.Id, activity.TraceStateString) : (null, null);
}
