using StackExchange.Redis;

namespace Signals.Ownership;

/// <summary>Redis key names for leases: one deployment prefix (<c>signals:{serviceId}:</c>) as everywhere in Signals.</summary>
public sealed class LeaseKeys
{
    private readonly string _prefix;

    public LeaseKeys(string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        _prefix = $"signals:{serviceId}:";
    }

    /// <summary>A hash {owner, token, expires} that lives for TTL + safety margin.</summary>
    public RedisKey Lease(string session) => _prefix + "lease:" + Check(session);

    /// <summary>The fencing counter; never expires, so a token is never granted twice.</summary>
    public RedisKey Fence(string session) => _prefix + "fence:" + Check(session);

    private static string Check(string session)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(session);
        return session;
    }
}
