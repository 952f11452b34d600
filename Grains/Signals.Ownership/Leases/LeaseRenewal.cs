namespace Signals.Ownership;

/// <summary>The outcome of a renewal.</summary>
/// <param name="Status">Renewed, or why not.</param>
/// <param name="ExpiresAt">When renewed: the new local expiry, counted from before the request was sent.</param>
/// <param name="Holder">When taken: the owner id that holds it now.</param>
public sealed record LeaseRenewal(LeaseRenewalStatus Status, DateTimeOffset? ExpiresAt = null, string? Holder = null)
{
    public bool Renewed => Status == LeaseRenewalStatus.Renewed;
}
