namespace Signals.Alerts;

[GenerateSerializer, Immutable]
[Alias("Signals.Alerts.OutboxEntryView")]
public sealed record OutboxEntryView(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string TokenKey,
    [property: Id(2)] string Rule,
    [property: Id(3)] int Tier,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset? NextAttemptAt,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? DeliveredAt,
    [property: Id(9)] int? TelegramMessageId);
