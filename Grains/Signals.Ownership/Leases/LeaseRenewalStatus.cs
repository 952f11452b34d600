namespace Signals.Ownership;

public enum LeaseRenewalStatus
{
    Renewed,

    /// <summary>No lease exists: it expired (and its margin passed) or was deleted.</summary>
    Missing,

    /// <summary>Another owner, or a newer token of the same owner, holds the lease.</summary>
    Taken,

    /// <summary>The lease is still ours by name but Redis' clock says it already expired: too late to renew.</summary>
    Expired,
}
