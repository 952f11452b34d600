namespace Signals.Ownership;

public enum LeaseHeldReason
{
    /// <summary>The holder's lease has not expired (it may be renewed and never expire).</summary>
    Live,

    /// <summary>The lease expired but the safety margin for clock drift has not yet passed.</summary>
    SafetyMargin,
}
