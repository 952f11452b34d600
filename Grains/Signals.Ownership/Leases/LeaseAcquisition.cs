using System.Globalization;

namespace Signals.Ownership;

/// <summary>The outcome of <see cref="LeaseKeeper.AcquireAsync"/>, with what it waited for (for the session's status).</summary>
/// <param name="Acquired">True when the lease is now held.</param>
/// <param name="Token">The fencing token when acquired, else 0.</param>
/// <param name="Waited">How long the acquisition waited for a previous holder.</param>
/// <param name="LastHeld">The last refusal seen: who held the lease and why (null when granted at once).</param>
public sealed record LeaseAcquisition(bool Acquired, long Token, TimeSpan Waited, LeaseHeld? LastHeld)
{
    /// <summary>A sentence for a status line, e.g. "waited 2.1 s for the previous owner's lease to expire".</summary>
    public string Describe()
    {
        var waited = Seconds(Waited);
        if (Acquired)
        {
            // Every wait for a previous holder ends after its expiry plus the margin, whichever phase it started in.
            return LastHeld is null
                ? $"acquired at once (fencing token {Token})"
                : $"waited {waited} for the previous owner's lease ({LastHeld.Owner}) to expire plus the safety margin for clock drift (fencing token {Token})";
        }

        return LastHeld is null
            ? $"not acquired after {waited}"
            : $"owned elsewhere by {LastHeld.Owner}; waited {waited}, may be free in {Seconds(LastHeld.RetryAfter)}";
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
