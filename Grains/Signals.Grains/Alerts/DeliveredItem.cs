namespace Signals.Alerts;

[GenerateSerializer]
[Alias("Signals.Alerts.DeliveredItem")]
public sealed record DeliveredItem(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string TokenKey,
    [property: Id(2)] string Rule,
    [property: Id(3)] int Tier,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] DateTimeOffset DeliveredAt,
    [property: Id(6)] int? TelegramMessageId,
    [property: Id(7)] int Attempts);
