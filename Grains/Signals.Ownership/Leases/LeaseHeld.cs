namespace Signals.Ownership;

/// <summary>Someone else holds the lease, or held it too recently for it to be taken safely.</summary>
/// <param name="Owner">The owner id of the current or previous holder.</param>
/// <param name="RetryAfter">How long until the lease can be taken, unless its holder renews it meanwhile.</param>
/// <param name="Reason">Whether the lease is still live or only in its safety margin.</param>
public sealed record LeaseHeld(string Owner, TimeSpan RetryAfter, LeaseHeldReason Reason) : LeaseAcquireResult;
