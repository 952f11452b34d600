namespace Signals.Alerts;

[GenerateSerializer]
[Alias("Signals.Alerts.DeliveryState")]
public sealed class DeliveryState
{
    /// <summary>Alerts not yet accepted by Telegram, oldest first. Nothing leaves it except by delivery.</summary>
    [Id(0)]
    public List<OutboxItem> Outbox { get; set; } = [];

    /// <summary>Recently delivered alerts (bounded), newest last; also how a repeated hand-off is recognised.</summary>
    [Id(1)]
    public List<DeliveredItem> Delivered { get; set; } = [];

    [Id(2)]
    public long DeliveredTotal { get; set; }

    /// <summary>A flood wait pauses the whole destination, as Telegram asks.</summary>
    [Id(3)]
    public DateTimeOffset? PausedUntil { get; set; }
}
