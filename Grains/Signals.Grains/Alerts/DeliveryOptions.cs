namespace Signals.Alerts;

/// <summary>Configuration section <c>Signals:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Signals:Delivery";

    /// <summary>Least time between two messages to one chat (Telegram allows about one a second per chat).</summary>
    public TimeSpan MinIntervalPerChat { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First retry delay after a failed send; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many delivered alerts are remembered (to recognise a repeated hand-off and for the CLI).</summary>
    public int RememberedDeliveries { get; set; } = 10_000;
}
