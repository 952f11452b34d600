namespace Signals.Ownership;

/// <summary>The lease is ours.</summary>
/// <param name="Token">The fencing token: greater than every token granted for this session before.</param>
/// <param name="ExpiresAt">
/// When the lease ends by the local clock, counted from before the request was sent, so it is never later than
/// Redis' own expiry (barring clock-rate drift, which the safety margin covers).
/// </param>
public sealed record LeaseGranted(long Token, DateTimeOffset ExpiresAt) : LeaseAcquireResult;
