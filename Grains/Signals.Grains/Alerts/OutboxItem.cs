namespace Signals.Alerts;

[GenerateSerializer]
[Alias("Signals.Alerts.OutboxItem")]
public sealed record OutboxItem(
    [property: Id(0)] Alert Alert,
    [property: Id(1)] int Attempts,
    [property: Id(2)] DateTimeOffset? NextAttemptAt,
    [property: Id(3)] string? LastError);
