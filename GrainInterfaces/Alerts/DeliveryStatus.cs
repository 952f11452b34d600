namespace Signals.Alerts;

[GenerateSerializer, Immutable]
[Alias("Signals.Alerts.DeliveryStatus")]
public sealed record DeliveryStatus(
    [property: Id(0)] string Destination,
    [property: Id(1)] IReadOnlyList<OutboxEntryView> Pending,
    [property: Id(2)] IReadOnlyList<OutboxEntryView> Delivered,
    [property: Id(3)] long DeliveredTotal,
    [property: Id(4)] DateTimeOffset? PausedUntil);
