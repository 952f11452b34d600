namespace Signals.Ownership;

/// <summary>Why and when a <see cref="LeaseKeeper"/> stopped holding its lease.</summary>
public sealed record LeaseLoss(LeaseLossReason Reason, string Detail, DateTimeOffset At);
