using Signals.Alerts;

namespace Signals.Client.Output;

/// <summary>One alert of one destination's outbox: <see cref="Status"/> is "pending" (still in the outbox) or "delivered".</summary>
public sealed record AlertView(
    string Destination,
    string Status,
    string AlertId,
    string TokenKey,
    string Rule,
    int Tier,
    DateTimeOffset RaisedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    int? TelegramMessageId)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    public static AlertView From(string destination, string status, OutboxEntryView e) => new(
        destination, status, e.AlertId, e.TokenKey, e.Rule, e.Tier, e.RaisedAt, e.Attempts, e.NextAttemptAt, e.LastError, e.DeliveredAt, e.TelegramMessageId);
}
