namespace Signals.Signals;

/// <summary>
/// One (post, token) fact on the <c>signals</c> stream, keyed by token. <see cref="EventId"/> is deterministic
/// (channel, message, token, kind), so a redelivered or republished event is recognised and counted once.
/// <see cref="TraceParent"/> carries the W3C trace context across the stream.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Signals.SignalEvent")]
public sealed record SignalEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] SignalKind Kind,
    [property: Id(2)] string TokenKey,
    [property: Id(3)] string Chain,
    [property: Id(4)] string Address,
    [property: Id(5)] string? Ticker,
    [property: Id(6)] string Channel,
    [property: Id(7)] int MessageId,
    [property: Id(8)] DateTimeOffset At,
    [property: Id(9)] string? TraceParent);
