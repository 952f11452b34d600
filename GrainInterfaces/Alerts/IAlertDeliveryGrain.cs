using Orleans.Concurrency;

namespace Signals.Alerts;

/// <summary>
/// Delivers alerts to one destination (key: destination name): durable outbox, rate limits, flood waits, retries.
/// An alert leaves the outbox only when Telegram has it.
/// </summary>
[Alias("Signals.Alerts.IAlertDeliveryGrain")]
public interface IAlertDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Adds the alert to the outbox (idempotent by alert id) and returns once the outbox is persisted.</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(Alert alert);

    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<DeliveryStatus> GetStatusAsync();

    /// <summary>Tries the outbox now instead of waiting for the next scheduled attempt.</summary>
    [Alias("Kick")]
    Task KickAsync();
}
