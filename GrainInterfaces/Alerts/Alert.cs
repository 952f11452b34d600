namespace Signals.Alerts;

/// <summary>
/// An alert for one destination. <see cref="AlertId"/> is deterministic, and the Telegram random_id is derived from it,
/// so however often it is handed over or resent, the destination sees it once.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Alerts.Alert")]
public sealed record Alert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string Destination,
    [property: Id(2)] string TokenKey,
    [property: Id(3)] string Rule,
    [property: Id(4)] int Tier,
    [property: Id(5)] string Html,
    [property: Id(6)] IReadOnlyList<string> Channels,
    [property: Id(7)] DateTimeOffset FirstCallAt,
    [property: Id(8)] DateTimeOffset RaisedAt,
    [property: Id(9)] string? TraceParent,
    [property: Id(10)] DateTimeOffset TriggeringPostAt);
