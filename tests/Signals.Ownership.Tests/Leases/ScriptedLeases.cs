using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Signals.Ownership.Tests.Leases;

/// <summary>
/// An <see cref="ISessionLeases"/> whose renewals the test answers one by one, to put a keeper into situations
/// Redis cannot be made to produce on cue (a renewal that hangs, or answers after the lease's expiry).
/// </summary>
internal sealed class ScriptedLeases(TimeProvider time, TimeSpan ttl) : ISessionLeases
{
    private readonly Channel<TaskCompletionSource<LeaseRenewal>> _renewals = Channel.CreateUnbounded<TaskCompletionSource<LeaseRenewal>>();

    public ConcurrentQueue<long> Released { get; } = new();

    public Task<LeaseAcquireResult> AcquireAsync(string session, string ownerId, TimeSpan ttl1) =>
        Task.FromResult<LeaseAcquireResult>(new LeaseGranted(7, time.GetUtcNow() + ttl));

    public Task<LeaseRenewal> RenewAsync(string session, string ownerId, long token, TimeSpan ttl1)
    {
        var pending = new TaskCompletionSource<LeaseRenewal>(TaskCreationOptions.RunContinuationsAsynchronously);
        _renewals.Writer.TryWrite(pending);
        return pending.Task;
    }

    public Task<bool> ReleaseAsync(string session, string ownerId, long token)
    {
        Released.Enqueue(token);
        return Task.FromResult(true);
    }

    /// <summary>The next renewal the keeper asked for, to be answered by the test.</summary>
    public async Task<TaskCompletionSource<LeaseRenewal>> NextRenewalAsync() =>
        await _renewals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public LeaseRenewal Renewed() => new(LeaseRenewalStatus.Renewed, time.GetUtcNow() + ttl);
}
