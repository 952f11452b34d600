using Signals.Ownership;

namespace Signals.Sessions.Ownership;

/// <summary>
/// Leases and fenced state for the embedded default (one process, nothing durable), with the same rules as the Redis
/// scripts: exclusive, expiring, a margin before a new owner, monotonic fencing tokens, writes only with the newest token.
/// </summary>
public sealed class InMemorySessionLeases(TimeProvider time, Microsoft.Extensions.Options.IOptions<LeaseOptions> options) : ISessionLeases, IFencedSessionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _leases = [];
    private readonly Dictionary<string, long> _fences = [];
    private readonly Dictionary<string, byte[]> _data = [];

    public Task<LeaseAcquireResult> AcquireAsync(string session, string ownerId, TimeSpan ttl)
    {
        var margin = options.Value.SafetyMargin;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(session, out var current) && current.Owner != ownerId)
            {
                if (now < current.ExpiresAt)
                {
                    return Task.FromResult<LeaseAcquireResult>(new LeaseHeld(current.Owner, current.ExpiresAt - now + margin, LeaseHeldReason.Live));
                }

                if (now < current.ExpiresAt + margin)
                {
                    return Task.FromResult<LeaseAcquireResult>(new LeaseHeld(current.Owner, current.ExpiresAt + margin - now, LeaseHeldReason.SafetyMargin));
                }
            }

            var token = _fences.GetValueOrDefault(session) + 1;
            _fences[session] = token;
            _leases[session] = new Entry(ownerId, token, now + ttl);
            return Task.FromResult<LeaseAcquireResult>(new LeaseGranted(token, now + ttl));
        }
    }

    public Task<LeaseRenewal> RenewAsync(string session, string ownerId, long token, TimeSpan ttl)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_leases.TryGetValue(session, out var current))
            {
                return Task.FromResult(new LeaseRenewal(LeaseRenewalStatus.Missing));
            }

            if (current.Owner != ownerId || current.Token != token)
            {
                return Task.FromResult(new LeaseRenewal(LeaseRenewalStatus.Taken, Holder: current.Owner));
            }

            if (now >= current.ExpiresAt)
            {
                return Task.FromResult(new LeaseRenewal(LeaseRenewalStatus.Expired, Holder: current.Owner));
            }

            _leases[session] = current with { ExpiresAt = now + ttl };
            return Task.FromResult(new LeaseRenewal(LeaseRenewalStatus.Renewed, now + ttl));
        }
    }

    public Task<bool> ReleaseAsync(string session, string ownerId, long token)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(session, out var current) && current.Owner == ownerId && current.Token == token)
            {
                _leases.Remove(session);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    public Task<byte[]?> ReadAsync(string session)
    {
        lock (_gate)
        {
            return Task.FromResult(_data.TryGetValue(session, out var data) ? data : null);
        }
    }

    public Task<bool> WriteAsync(string session, long token, byte[] data)
    {
        lock (_gate)
        {
            if (_fences.GetValueOrDefault(session) != token)
            {
                return Task.FromResult(false);
            }

            _data[session] = data;
            return Task.FromResult(true);
        }
    }

    private sealed record Entry(string Owner, long Token, DateTimeOffset ExpiresAt);
}
