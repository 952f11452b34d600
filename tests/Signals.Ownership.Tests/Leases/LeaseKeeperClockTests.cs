using Microsoft.Extensions.Time.Testing;

namespace Signals.Ownership.Tests.Leases;

/// <summary>The keeper's timing rules on a fake clock: when it renews, and when a renewal counts as too late.</summary>
public sealed class LeaseKeeperClockTests
{
    private static readonly LeaseOptions Options = new() { Ttl = TimeSpan.FromSeconds(3) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ScriptedLeases _leases;

    public LeaseKeeperClockTests() => _leases = new ScriptedLeases(_time, Options.Ttl);

    [Fact]
    public async Task Renewals_come_every_third_of_the_ttl_and_extend_the_lease()
    {
        await using var keeper = await AcquiredKeeperAsync();

        for (var i = 1; i <= 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            var renewal = await _leases.NextRenewalAsync();
            renewal.SetResult(_leases.Renewed());
            await WaitForAsync(() => keeper.ExpiresAt == _time.GetUtcNow() + Options.Ttl);
        }

        Assert.True(keeper.IsHeld);
        Assert.Null(keeper.Loss);
    }

    [Fact]
    public async Task A_renewal_confirmed_after_the_local_expiry_loses_the_lease()
    {
        await using var keeper = await AcquiredKeeperAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var renewal = await _leases.NextRenewalAsync();

        // The process stalls (GC, SIGSTOP) past the lease's expiry; then Redis' "renewed" arrives.
        _time.Advance(TimeSpan.FromSeconds(2.5));
        renewal.SetResult(_leases.Renewed());
        var loss = await keeper.WhenLost.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(LeaseLossReason.Late, loss.Reason);
        Assert.False(keeper.IsHeld);
    }

    [Fact]
    public async Task A_hung_renewal_loses_the_lease_at_its_local_expiry_without_waiting_for_redis()
    {
        await using var keeper = await AcquiredKeeperAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await _leases.NextRenewalAsync();

        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.True(keeper.IsHeld);
        Assert.False(keeper.WhenLost.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var loss = await keeper.WhenLost.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(LeaseLossReason.Late, loss.Reason);
        Assert.True(keeper.LostToken.IsCancellationRequested);
    }

    [Fact]
    public async Task A_failed_renewal_loses_the_lease_at_once_even_with_time_left()
    {
        await using var keeper = await AcquiredKeeperAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var renewal = await _leases.NextRenewalAsync();

        renewal.SetException(new TimeoutException("redis timeout"));
        var loss = await keeper.WhenLost.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(LeaseLossReason.RenewalFailed, loss.Reason);
        Assert.Contains("redis timeout", loss.Detail, StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() < keeper.ExpiresAt);
        Assert.False(keeper.IsHeld);
    }

    [Fact]
    public async Task Lost_subscribers_are_told_and_a_throwing_subscriber_does_not_hide_the_loss()
    {
        await using var keeper = await AcquiredKeeperAsync();
        var told = new TaskCompletionSource<LeaseLoss?>(TaskCreationOptions.RunContinuationsAsynchronously);
        keeper.LostToken.Register(() => throw new InvalidOperationException("a careless subscriber"));
        keeper.LostToken.Register(() => told.TrySetResult(keeper.Loss));
        _time.Advance(TimeSpan.FromSeconds(1));
        var renewal = await _leases.NextRenewalAsync();

        renewal.SetResult(new LeaseRenewal(LeaseRenewalStatus.Taken, Holder: "other"));

        var loss = await told.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(LeaseLossReason.Taken, loss!.Reason);
        Assert.Equal(loss, await keeper.WhenLost);
    }

    [Fact]
    public async Task After_a_pause_the_lease_is_not_held_by_the_clock_alone()
    {
        await using var keeper = await AcquiredKeeperAsync();

        // Jump straight past the expiry: whatever the timers did, the check before using the connection refuses.
        _time.AdjustTime(_time.GetUtcNow() + TimeSpan.FromSeconds(10));

        Assert.False(keeper.IsHeld);
        var thrown = Assert.Throws<LeaseLostException>(keeper.ThrowIfNotHeld);
        Assert.Equal(LeaseLossReason.Late, thrown.Loss!.Reason);
    }

    [Fact]
    public async Task Disposing_releases_with_the_granted_token()
    {
        var keeper = await AcquiredKeeperAsync();

        await keeper.DisposeAsync();

        Assert.Equal([7L], _leases.Released);
        Assert.Equal(LeaseLossReason.Released, keeper.Loss!.Reason);
    }

    private async Task<LeaseKeeper> AcquiredKeeperAsync()
    {
        var keeper = new LeaseKeeper(_leases, "reader-1", "owner", Options, _time);
        Assert.IsType<LeaseGranted>(await keeper.TryAcquireAsync());
        return keeper;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(5);
        }
    }
}
