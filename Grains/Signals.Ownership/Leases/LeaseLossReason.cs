namespace Signals.Ownership;

public enum LeaseLossReason
{
    /// <summary>Another owner (or a newer token) holds the lease.</summary>
    Taken,

    /// <summary>The lease is gone from Redis: deleted, or Redis lost it.</summary>
    Missing,

    /// <summary>Redis' clock says the lease expired before the renewal arrived.</summary>
    Expired,

    /// <summary>By the local clock the lease expired before a renewal was confirmed (a pause, a slow or hung Redis).</summary>
    Late,

    /// <summary>The renewal call failed (Redis unreachable, a timeout, an error reply).</summary>
    RenewalFailed,

    /// <summary>The keeper was disposed: the lease was given up on purpose.</summary>
    Released,
}
