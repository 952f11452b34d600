namespace Signals.Ownership;

/// <summary>
/// The Lua scripts behind leases. Each runs atomically in Redis and reads time with Redis' own TIME, so every
/// expiry decision is made on one clock; holders only ever compare against their own clock with a head start.
/// </summary>
internal static class LeaseScripts
{
    // Milliseconds since the epoch by Redis' clock (allowed in scripts: Redis 7 replicates scripts by effects).
    private const string Now = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        """;

    /// <summary>KEYS: lease, fence. ARGV: owner, ttl ms, margin ms. Returns {1, token} or {0, owner, retryAfterMs, reason}.</summary>
    public const string Acquire = Now + """

        local ttl = tonumber(ARGV[2])
        local margin = tonumber(ARGV[3])
        local cur = redis.call('HMGET', KEYS[1], 'owner', 'token', 'expires')
        if cur[1] and cur[1] ~= ARGV[1] then
          local expires = tonumber(cur[3])
          if now < expires then
            return {0, cur[1], expires - now + margin, 'live'}
          end
          if now < expires + margin then
            return {0, cur[1], expires + margin - now, 'margin'}
          end
        end
        local token = redis.call('INCR', KEYS[2])
        redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'token', token, 'expires', now + ttl)
        redis.call('PEXPIRE', KEYS[1], ttl + margin)
        return {1, token}
        """;

    /// <summary>KEYS: lease. ARGV: owner, token, ttl ms, margin ms. Returns {1} or {0, reason, holder}.</summary>
    public const string Renew = Now + """

        local cur = redis.call('HMGET', KEYS[1], 'owner', 'token', 'expires')
        if not cur[1] then
          return {0, 'missing', ''}
        end
        if cur[1] ~= ARGV[1] or cur[2] ~= ARGV[2] then
          return {0, 'taken', cur[1]}
        end
        if now >= tonumber(cur[3]) then
          return {0, 'expired', cur[1]}
        end
        local ttl = tonumber(ARGV[3])
        redis.call('HSET', KEYS[1], 'expires', now + ttl)
        redis.call('PEXPIRE', KEYS[1], ttl + tonumber(ARGV[4]))
        return {1}
        """;

    /// <summary>KEYS: lease. ARGV: owner, token. Compare-and-delete; the fencing counter stays. Returns 1 when deleted.</summary>
    public const string Release = """
        local cur = redis.call('HMGET', KEYS[1], 'owner', 'token')
        if cur[1] == ARGV[1] and cur[2] == ARGV[2] then
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    /// <summary>KEYS: lease. Returns {owner, token, remainingMs} or {}.</summary>
    public const string Inspect = Now + """

        local cur = redis.call('HMGET', KEYS[1], 'owner', 'token', 'expires')
        if not cur[1] then
          return {}
        end
        return {cur[1], tonumber(cur[2]), tonumber(cur[3]) - now}
        """;

    /// <summary>
    /// KEYS: fence, target. ARGV: token, value, expiry ms (0 = none). SET only while the token is the newest granted;
    /// a token above the counter cannot have been granted (the counter was lost), so it is refused too. Returns 1 or 0.
    /// </summary>
    public const string FencedSet = """
        local fence = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) ~= fence then
          return 0
        end
        local px = tonumber(ARGV[3])
        if px > 0 then
          redis.call('SET', KEYS[2], ARGV[2], 'PX', px)
        else
          redis.call('SET', KEYS[2], ARGV[2])
        end
        return 1
        """;

    /// <summary>KEYS: fence, target. ARGV: token, then field/value pairs. HSET only while the token is the newest granted.</summary>
    public const string FencedHashSet = """
        local fence = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) ~= fence then
          return 0
        end
        for i = 2, #ARGV, 2 do
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
        end
        return 1
        """;

    /// <summary>KEYS: fence, target. ARGV: token. DEL only while the token is the newest granted.</summary>
    public const string FencedDelete = """
        local fence = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) ~= fence then
          return 0
        end
        redis.call('DEL', KEYS[2])
        return 1
        """;
}
