namespace Signals.Ownership;

/// <summary>The lease operations a <see cref="LeaseKeeper"/> needs; <see cref="SessionLeaseManager"/> implements them on Redis.</summary>
public interface ISessionLeases
{
    Task<LeaseAcquireResult> AcquireAsync(string session, string ownerId, TimeSpan ttl);

    Task<LeaseRenewal> RenewAsync(string session, string ownerId, long token, TimeSpan ttl);

    /// <summary>Deletes the lease if it is still ours with that token; true when it was.</summary>
    Task<bool> ReleaseAsync(string session, string ownerId, long token);
}
