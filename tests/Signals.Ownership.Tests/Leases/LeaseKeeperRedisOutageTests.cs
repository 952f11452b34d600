using Signals.Testing;

namespace Signals.Ownership.Tests.Leases;

/// <summary>Stops its own redis-server, so it does not share the collection's.</summary>
public sealed class LeaseKeeperRedisOutageTests
{
    [Fact]
    public async Task A_keeper_reports_its_lease_lost_when_redis_stops()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = false });
        await using var connection = await server.ConnectAsync();
        var options = new LeaseOptions { Ttl = TimeSpan.FromMilliseconds(600), SafetyMargin = TimeSpan.FromMilliseconds(100) };
        var leases = new SessionLeaseManager(connection, "outage", options);
        await using var keeper = new LeaseKeeper(leases, "reader-1", "a", options);
        Assert.True((await keeper.AcquireAsync(TimeSpan.Zero)).Acquired);

        await server.StopAsync();
        var loss = await keeper.WhenLost.WaitAsync(TimeSpan.FromSeconds(20));

        // Either the renewal errors out first or the local expiry passes while it hangs; both end the lease at once.
        Assert.Contains(loss.Reason, new[] { LeaseLossReason.RenewalFailed, LeaseLossReason.Late });
        Assert.False(keeper.IsHeld);
        Assert.True(keeper.LostToken.IsCancellationRequested);
    }
}
