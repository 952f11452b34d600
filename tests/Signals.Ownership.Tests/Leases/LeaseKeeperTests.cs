using Signals.Ownership.Tests.Support;
using Signals.Testing;
using StackExchange.Redis;

namespace Signals.Ownership.Tests.Leases;

[Collection(RedisCollection.Name)]
public sealed class LeaseKeeperTests(RedisFixture redis) : IAsyncLifetime
{
    // Renewal every 500 ms: quick enough to see several renewals, and a busy two-core machine may stall a second
    // without a holder losing its lease in tests that expect it kept.
    private static readonly LeaseOptions Options = new() { Ttl = TimeSpan.FromMilliseconds(1500), SafetyMargin = TimeSpan.FromMilliseconds(100) };
    private IConnectionMultiplexer _connection = null!;
    private SessionLeaseManager _leases = null!;

    public async Task InitializeAsync()
    {
        _connection = await redis.Server.ConnectAsync();
        _leases = new SessionLeaseManager(_connection, Sessions.ServiceId(), Options);
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task A_kept_lease_outlives_its_ttl_through_renewals()
    {
        var session = Sessions.New();
        await using var keeper = new LeaseKeeper(_leases, session, "a", Options);
        var acquisition = await keeper.AcquireAsync(TimeSpan.Zero);
        Assert.True(acquisition.Acquired);
        var firstExpiry = keeper.ExpiresAt;

        // Past the first TTL by Redis' own clock, and several renewals later, it is still ours with the same token.
        await Eventually.UntilAsync(() => Task.FromResult(keeper.ExpiresAt > firstExpiry + (Options.Ttl * 2) || keeper.Loss is not null), "renewals carrying it two TTLs past its first expiry");

        Assert.Null(keeper.Loss);
        Assert.True(keeper.IsHeld);
        Assert.Equal(new LeaseInfo("a", acquisition.Token, TimeSpan.Zero), (await _leases.InspectAsync(session))! with { Remaining = TimeSpan.Zero });
        Assert.IsType<LeaseHeld>(await _leases.AcquireAsync(session, "b", Options.Ttl));
    }

    [Fact]
    public async Task Deleting_the_lease_behind_the_keepers_back_is_reported_as_missing()
    {
        var session = Sessions.New();
        await using var keeper = new LeaseKeeper(_leases, session, "a", Options);
        Assert.True((await keeper.AcquireAsync(TimeSpan.Zero)).Acquired);

        await _connection.GetDatabase().KeyDeleteAsync(_leases.Keys.Lease(session));
        var loss = await Eventually.ResultAsync(keeper.WhenLost);

        Assert.Equal(LeaseLossReason.Missing, loss.Reason);
        Assert.True(keeper.LostToken.IsCancellationRequested);
        Assert.False(keeper.IsHeld);
        var thrown = Assert.Throws<LeaseLostException>(keeper.ThrowIfNotHeld);
        Assert.Equal(loss, thrown.Loss);
    }

    [Fact]
    public async Task A_lease_taken_by_another_owner_is_reported_as_taken_and_not_released_on_dispose()
    {
        var session = Sessions.New();
        var keeper = new LeaseKeeper(_leases, session, "a", Options);
        Assert.True((await keeper.AcquireAsync(TimeSpan.Zero)).Acquired);

        // As if another cluster overwrote it (e.g. after a partition): a newer owner and token.
        await _connection.GetDatabase().HashSetAsync(_leases.Keys.Lease(session), [new HashEntry("owner", "intruder"), new HashEntry("token", 99)]);
        var loss = await Eventually.ResultAsync(keeper.WhenLost);
        await keeper.DisposeAsync();

        Assert.Equal(LeaseLossReason.Taken, loss.Reason);
        Assert.Contains("intruder", loss.Detail, StringComparison.Ordinal);
        Assert.Equal("intruder", (await _leases.InspectAsync(session))?.Owner);
    }

    [Fact]
    public async Task Disposing_releases_the_lease_so_the_next_owner_gets_it_at_once()
    {
        var session = Sessions.New();
        var keeper = new LeaseKeeper(_leases, session, "a", Options);
        var first = await keeper.AcquireAsync(TimeSpan.Zero);

        await keeper.DisposeAsync();

        Assert.Equal(LeaseLossReason.Released, keeper.Loss!.Reason);
        Assert.True(keeper.LostToken.IsCancellationRequested);
        Assert.Null(await _leases.InspectAsync(session));
        await using var next = new LeaseKeeper(_leases, session, "b", Options);
        var second = await next.AcquireAsync(TimeSpan.Zero);
        Assert.True(second.Acquired);
        Assert.Null(second.LastHeld);
        Assert.True(second.Token > first.Token);
    }

    [Fact]
    public async Task A_second_keeper_is_refused_while_the_first_keeps_the_lease()
    {
        var session = Sessions.New();
        await using var holder = new LeaseKeeper(_leases, session, "a", Options);
        await using var contender = new LeaseKeeper(_leases, session, "b", Options);
        Assert.True((await holder.AcquireAsync(TimeSpan.Zero)).Acquired);

        // Waiting two TTLs is no use against a holder that renews: the contender gives up and says who owns it.
        var attempt = await contender.AcquireAsync(Options.Ttl * 2);

        Assert.False(attempt.Acquired);
        Assert.Equal("a", attempt.LastHeld!.Owner);
        Assert.StartsWith("owned elsewhere by a", attempt.Describe(), StringComparison.Ordinal);
        Assert.False(contender.IsHeld);
        Assert.Null(holder.Loss);
    }

    [Fact]
    public async Task A_keeper_cannot_be_acquired_twice()
    {
        await using var keeper = new LeaseKeeper(_leases, Sessions.New(), "a", Options);
        Assert.True((await keeper.AcquireAsync(TimeSpan.Zero)).Acquired);

        await Assert.ThrowsAsync<InvalidOperationException>(keeper.TryAcquireAsync);
    }

    [Fact]
    public async Task Many_keepers_hold_and_release_their_sessions_in_parallel()
    {
        var options = new LeaseOptions { Ttl = TimeSpan.FromSeconds(3), SafetyMargin = TimeSpan.FromMilliseconds(100) };
        var keepers = Enumerable.Range(0, 100).Select(i => new LeaseKeeper(_leases, Sessions.New($"k{i}"), $"owner-{i}", options)).ToArray();

        var acquisitions = await Task.WhenAll(keepers.Select(k => k.AcquireAsync(TimeSpan.Zero)));
        var heldBefore = keepers.Count(k => k.IsHeld);
        await Task.WhenAll(keepers.Select(k => k.DisposeAsync().AsTask()));
        var leftInRedis = await Task.WhenAll(keepers.Select(k => _leases.InspectAsync(k.Session)));

        Assert.All(acquisitions, a => Assert.True(a.Acquired));
        Assert.Equal(keepers.Length, heldBefore);
        Assert.All(leftInRedis, Assert.Null);
    }
}
