using Signals.Ownership;
using StackExchange.Redis;

namespace Signals.Sessions.Ownership;

/// <summary>Session state in Redis at <c>signals:{serviceId}:session:{name}</c>, written through the lease's fenced SET.</summary>
public sealed class RedisFencedSessionStore(IConnectionMultiplexer redis, SessionLeaseManager leases, string serviceId) : IFencedSessionStore
{
    private readonly string _prefix = $"signals:{serviceId}:session:";

    public async Task<byte[]?> ReadAsync(string session)
    {
        var value = await redis.GetDatabase().StringGetAsync(_prefix + session);
        return value.HasValue ? (byte[]?)value : null;
    }

    public Task<bool> WriteAsync(string session, long token, byte[] data) =>
        leases.FencedSetAsync(session, token, _prefix + session, data);
}
