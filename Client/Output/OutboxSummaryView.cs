namespace Signals.Client.Output;

public sealed record OutboxSummaryView(string Destination, int Pending, long DeliveredTotal, DateTimeOffset? PausedUntil);
