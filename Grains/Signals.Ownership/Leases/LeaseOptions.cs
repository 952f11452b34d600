namespace Signals.Ownership;

/// <summary>Configuration section <c>Signals:Leases</c>: how long a session lease lives and how it is kept.</summary>
public sealed class LeaseOptions
{
    public const string Section = "Signals:Leases";

    /// <summary>
    /// How long a lease lives without renewal. After a crash the next owner waits at most this plus
    /// <see cref="SafetyMargin"/>, so it bounds the failover time the lease adds.
    /// </summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the holder renews; null means a third of <see cref="Ttl"/>, so two renewals may fail in a row.</summary>
    public TimeSpan? RenewalPeriod { get; set; }

    /// <summary>
    /// Extra time a new owner waits after the previous lease expired: covers clock-rate drift between the old holder
    /// and Redis and the time the old holder needs to notice and drop its connection.
    /// </summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The renewal period in force: <see cref="RenewalPeriod"/> or a third of <see cref="Ttl"/>.</summary>
    public TimeSpan EffectiveRenewalPeriod => RenewalPeriod ?? Ttl / 3;
}
