using System.Diagnostics;

namespace Signals.Diagnostics;

/// <summary>Carries W3C trace context through places Orleans does not: stream events, outbox entries, timers.</summary>
public static class TraceContext
{
    public static string? Current() => Activity.Current?.Id;

    public static Activity? StartFrom(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal)
    {
        if (traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent))
        {
            return SignalsTelemetry.Source.StartActivity(name, kind, parent);
        }

        return SignalsTelemetry.Source.StartActivity(name, kind);
    }
}
