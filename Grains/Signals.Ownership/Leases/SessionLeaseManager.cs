using System.Globalization;
using StackExchange.Redis;

namespace Signals.Ownership;

/// <summary>
/// Fenced session leases in Redis. A lease is a hash under <c>signals:{serviceId}:lease:{session}</c> and every
/// grant takes the next value of <c>signals:{serviceId}:fence:{session}</c> as its fencing token, so a newer owner
/// always holds a greater token and writes carrying an older one are refused (<see cref="FencedSetAsync"/>).
/// Owner ids must be unique per holder instance (e.g. silo address plus activation id): the same owner id may
/// re-acquire at once, which fences its previous token.
/// </summary>
public sealed class SessionLeaseManager : ISessionLeases
{
    private readonly IDatabase _db;
    private readonly TimeProvider _time;
    private readonly long _marginMs;

    public SessionLeaseManager(IConnectionMultiplexer redis, string serviceId, LeaseOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        _db = redis.GetDatabase();
        _time = time ?? TimeProvider.System;
        _marginMs = Milliseconds(options.SafetyMargin);
        Keys = new LeaseKeys(serviceId);
    }

    public LeaseKeys Keys { get; }

    public async Task<LeaseAcquireResult> AcquireAsync(string session, string ownerId, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        var ttlMs = PositiveMilliseconds(ttl);
        // The holder's clock starts before the request leaves, so its idea of the expiry is never later than Redis'.
        var start = _time.GetUtcNow();
        var result = (RedisResult[])(await _db.ScriptEvaluateAsync(
            LeaseScripts.Acquire,
            [Keys.Lease(session), Keys.Fence(session)],
            [ownerId, ttlMs, _marginMs]))!;
        if ((long)result[0] == 1)
        {
            return new LeaseGranted((long)result[1], start + TimeSpan.FromMilliseconds(ttlMs));
        }

        var reason = (string?)result[3] == "margin" ? LeaseHeldReason.SafetyMargin : LeaseHeldReason.Live;
        return new LeaseHeld((string)result[1]!, TimeSpan.FromMilliseconds(Math.Max(0, (long)result[2])), reason);
    }

    public async Task<LeaseRenewal> RenewAsync(string session, string ownerId, long token, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        var ttlMs = PositiveMilliseconds(ttl);
        var start = _time.GetUtcNow();
        var result = (RedisResult[])(await _db.ScriptEvaluateAsync(
            LeaseScripts.Renew,
            [Keys.Lease(session)],
            [ownerId, Format(token), ttlMs, _marginMs]))!;
        if ((long)result[0] == 1)
        {
            return new LeaseRenewal(LeaseRenewalStatus.Renewed, start + TimeSpan.FromMilliseconds(ttlMs));
        }

        var holder = (string?)result[2];
        return (string?)result[1] switch
        {
            "missing" => new LeaseRenewal(LeaseRenewalStatus.Missing),
            "expired" => new LeaseRenewal(LeaseRenewalStatus.Expired, Holder: holder),
            _ => new LeaseRenewal(LeaseRenewalStatus.Taken, Holder: holder),
        };
    }

    public async Task<bool> ReleaseAsync(string session, string ownerId, long token)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        var result = await _db.ScriptEvaluateAsync(LeaseScripts.Release, [Keys.Lease(session)], [ownerId, Format(token)]);
        return (long)result == 1;
    }

    /// <summary>The current lease, or null when the session is free.</summary>
    public async Task<LeaseInfo?> InspectAsync(string session)
    {
        var result = (RedisResult[])(await _db.ScriptEvaluateAsync(LeaseScripts.Inspect, [Keys.Lease(session)]))!;
        return result.Length == 0
            ? null
            : new LeaseInfo((string)result[0]!, (long)result[1], TimeSpan.FromMilliseconds((long)result[2]));
    }

    /// <summary>The newest fencing token granted for the session (0 when none ever was).</summary>
    public async Task<long> CurrentTokenAsync(string session)
    {
        var value = await _db.StringGetAsync(Keys.Fence(session));
        return value.IsNull ? 0 : (long)value;
    }

    /// <summary>True while no newer token than <paramref name="token"/> has been granted for the session.</summary>
    public async Task<bool> IsCurrentAsync(string session, long token) => await CurrentTokenAsync(session) == token;

    /// <summary>
    /// SET <paramref name="key"/> only if <paramref name="token"/> is still the session's newest fencing token; false
    /// (and nothing written) when a newer owner exists. The check and the write are one script, so nothing slips between.
    /// </summary>
    public async Task<bool> FencedSetAsync(string session, long token, RedisKey key, RedisValue value, TimeSpan? expiry = null)
    {
        var px = expiry is { } e ? PositiveMilliseconds(e) : 0;
        var result = await _db.ScriptEvaluateAsync(LeaseScripts.FencedSet, [Keys.Fence(session), key], [Format(token), value, px]);
        return (long)result == 1;
    }

    /// <summary>HSET the fields of <paramref name="key"/> only if <paramref name="token"/> is still the newest; see <see cref="FencedSetAsync"/>.</summary>
    public async Task<bool> FencedHashSetAsync(string session, long token, RedisKey key, IReadOnlyList<HashEntry> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("At least one field is required.", nameof(fields));
        }

        var args = new RedisValue[1 + (fields.Count * 2)];
        args[0] = Format(token);
        for (var i = 0; i < fields.Count; i++)
        {
            args[1 + (i * 2)] = fields[i].Name;
            args[2 + (i * 2)] = fields[i].Value;
        }

        var result = await _db.ScriptEvaluateAsync(LeaseScripts.FencedHashSet, [Keys.Fence(session), key], args);
        return (long)result == 1;
    }

    /// <summary>DEL <paramref name="key"/> only if <paramref name="token"/> is still the newest; see <see cref="FencedSetAsync"/>.</summary>
    public async Task<bool> FencedDeleteAsync(string session, long token, RedisKey key)
    {
        var result = await _db.ScriptEvaluateAsync(LeaseScripts.FencedDelete, [Keys.Fence(session), key], [Format(token)]);
        return (long)result == 1;
    }

    private static string Format(long token) => token.ToString(CultureInfo.InvariantCulture);

    private static long Milliseconds(TimeSpan value) => (long)Math.Ceiling(value.TotalMilliseconds);

    private static long PositiveMilliseconds(TimeSpan value)
    {
        var ms = Milliseconds(value);
        return ms > 0 ? ms : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least one millisecond.");
    }
}
