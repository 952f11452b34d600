namespace Signals.Catalog;

[GenerateSerializer]
[Alias("Signals.Catalog.DeliveryChannelKind")]
public enum DeliveryChannelKind
{
    /// <summary>Sent by a notifier user session through its session grain.</summary>
    Session = 0,

    /// <summary>Sent by a Telegram bot (Bot API).</summary>
    Bot = 1,
}
