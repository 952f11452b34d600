using Signals.Ownership.Tests.Support;
using Signals.Testing;
using StackExchange.Redis;

namespace Signals.Ownership.Tests.Leases;

[Collection(RedisCollection.Name)]
public sealed class SessionLeaseManagerTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan LongTtl = TimeSpan.FromSeconds(30);
    private IConnectionMultiplexer _connection = null!;
    private SessionLeaseManager _leases = null!;

    public async Task InitializeAsync()
    {
        _connection = await redis.Server.ConnectAsync();
        _leases = new SessionLeaseManager(_connection, Sessions.ServiceId(), new LeaseOptions { SafetyMargin = TimeSpan.FromMilliseconds(200) });
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Only_one_owner_holds_a_lease_and_the_other_learns_who()
    {
        var session = Sessions.New();

        var first = await _leases.AcquireAsync(session, "owner-a", LongTtl);
        var second = await _leases.AcquireAsync(session, "owner-b", LongTtl);

        var granted = Assert.IsType<LeaseGranted>(first);
        Assert.Equal(1, granted.Token);
        var held = Assert.IsType<LeaseHeld>(second);
        Assert.Equal("owner-a", held.Owner);
        Assert.Equal(LeaseHeldReason.Live, held.Reason);
        // A live lease's retry counts the rest of its TTL plus the safety margin (200 ms here).
        Assert.True(held.RetryAfter > TimeSpan.FromSeconds(20), $"retry after {held.RetryAfter}");
        Assert.True(held.RetryAfter <= LongTtl + TimeSpan.FromMilliseconds(200), $"retry after {held.RetryAfter}");
        Assert.Equal(new LeaseInfo("owner-a", 1, TimeSpan.Zero), (await _leases.InspectAsync(session))! with { Remaining = TimeSpan.Zero });
    }

    [Fact]
    public async Task Fencing_tokens_grow_across_owners_and_survive_release()
    {
        var session = Sessions.New();
        var tokens = new List<long>();
        foreach (var owner in new[] { "a", "b", "c", "a" })
        {
            var granted = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, owner, LongTtl));
            tokens.Add(granted.Token);
            Assert.True(await _leases.ReleaseAsync(session, owner, granted.Token));
        }

        Assert.Equal([1, 2, 3, 4], tokens);
        Assert.Equal(4, await _leases.CurrentTokenAsync(session));
    }

    [Fact]
    public async Task The_same_owner_reacquiring_fences_its_own_older_token()
    {
        var session = Sessions.New();
        var first = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "a", LongTtl));
        var second = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "a", LongTtl));

        Assert.True(second.Token > first.Token);
        Assert.Equal(LeaseRenewalStatus.Taken, (await _leases.RenewAsync(session, "a", first.Token, LongTtl)).Status);
        Assert.True((await _leases.RenewAsync(session, "a", second.Token, LongTtl)).Renewed);
    }

    [Fact]
    public async Task Renewal_succeeds_for_the_holder_and_is_refused_for_a_stale_token_or_another_owner()
    {
        var session = Sessions.New();
        var old = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "a", LongTtl));
        Assert.True(await _leases.ReleaseAsync(session, "a", old.Token));
        var current = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "b", LongTtl));

        var byHolder = await _leases.RenewAsync(session, "b", current.Token, LongTtl);
        var byStale = await _leases.RenewAsync(session, "a", old.Token, LongTtl);
        var byThief = await _leases.RenewAsync(session, "c", current.Token, LongTtl);

        Assert.True(byHolder.Renewed);
        Assert.NotNull(byHolder.ExpiresAt);
        Assert.Equal(new LeaseRenewal(LeaseRenewalStatus.Taken, Holder: "b"), byStale);
        Assert.Equal(new LeaseRenewal(LeaseRenewalStatus.Taken, Holder: "b"), byThief);
    }

    [Fact]
    public async Task Renewing_a_lease_that_no_longer_exists_reports_it_missing()
    {
        var session = Sessions.New();
        var granted = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "a", LongTtl));
        await _connection.GetDatabase().KeyDeleteAsync(_leases.Keys.Lease(session));

        Assert.Equal(LeaseRenewalStatus.Missing, (await _leases.RenewAsync(session, "a", granted.Token, LongTtl)).Status);
    }

    [Fact]
    public async Task Release_frees_the_session_at_once_but_only_for_the_holder()
    {
        var session = Sessions.New();
        var granted = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "a", LongTtl));

        Assert.False(await _leases.ReleaseAsync(session, "b", granted.Token));
        Assert.False(await _leases.ReleaseAsync(session, "a", granted.Token + 1));
        Assert.IsType<LeaseHeld>(await _leases.AcquireAsync(session, "b", LongTtl));

        Assert.True(await _leases.ReleaseAsync(session, "a", granted.Token));
        Assert.Null(await _leases.InspectAsync(session));
        var next = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "b", LongTtl));
        Assert.Equal(granted.Token + 1, next.Token);
    }

    [Fact]
    public async Task A_new_owner_gets_an_expired_lease_only_after_the_safety_margin()
    {
        var margin = TimeSpan.FromSeconds(3);
        var leases = new SessionLeaseManager(_connection, Sessions.ServiceId(), new LeaseOptions { SafetyMargin = margin });
        var session = Sessions.New();
        Assert.IsType<LeaseGranted>(await leases.AcquireAsync(session, "crashed", TimeSpan.FromMilliseconds(300)));

        await Eventually.UntilAsync(async () => (await leases.InspectAsync(session))!.Remaining <= TimeSpan.Zero, "the lease expired by Redis' clock");
        var inMargin = Assert.IsType<LeaseHeld>(await leases.AcquireAsync(session, "next", TimeSpan.FromSeconds(3)));
        var expiredRenewal = await leases.RenewAsync(session, "crashed", 1, TimeSpan.FromSeconds(3));

        Assert.Equal(LeaseHeldReason.SafetyMargin, inMargin.Reason);
        Assert.Equal("crashed", inMargin.Owner);
        Assert.True(inMargin.RetryAfter <= margin, $"retry after {inMargin.RetryAfter}");
        Assert.Equal(LeaseRenewalStatus.Expired, expiredRenewal.Status);

        await using var keeper = new LeaseKeeper(leases, session, "next", new LeaseOptions { Ttl = TimeSpan.FromSeconds(3), SafetyMargin = margin });
        var acquisition = await Eventually.ResultAsync(keeper.AcquireAsync(TimeSpan.FromSeconds(15)));
        Assert.True(acquisition.Acquired);
        Assert.Equal(2, acquisition.Token);
        Assert.Equal(LeaseHeldReason.SafetyMargin, acquisition.LastHeld!.Reason);
        Assert.Contains("safety margin", acquisition.Describe(), StringComparison.Ordinal);
        Assert.Equal("next", (await leases.InspectAsync(session))!.Owner);
    }

    [Fact]
    public async Task A_fenced_write_with_a_stale_token_is_refused_and_changes_nothing()
    {
        var session = Sessions.New();
        var db = _connection.GetDatabase();
        RedisKey blob = $"test:{session}:blob";
        var old = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "a", LongTtl));
        Assert.True(await _leases.FencedSetAsync(session, old.Token, blob, "from a"));
        Assert.True(await _leases.ReleaseAsync(session, "a", old.Token));
        var current = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "b", LongTtl));
        Assert.True(await _leases.FencedSetAsync(session, current.Token, blob, "from b"));

        Assert.False(await _leases.FencedSetAsync(session, old.Token, blob, "late write from a"));
        Assert.False(await _leases.FencedHashSetAsync(session, old.Token, $"test:{session}:hash", [new HashEntry("f", "late")]));
        Assert.False(await _leases.FencedDeleteAsync(session, old.Token, blob));
        Assert.False(await _leases.FencedSetAsync(session, current.Token + 1, blob, "a token never granted"));

        Assert.Equal("from b", (string?)await db.StringGetAsync(blob));
        Assert.False(await db.KeyExistsAsync($"test:{session}:hash"));
        Assert.False(await _leases.IsCurrentAsync(session, old.Token));
        Assert.True(await _leases.IsCurrentAsync(session, current.Token));
    }

    [Fact]
    public async Task Fenced_writes_with_the_current_token_set_hash_fields_expiry_and_delete()
    {
        var session = Sessions.New();
        var db = _connection.GetDatabase();
        var granted = Assert.IsType<LeaseGranted>(await _leases.AcquireAsync(session, "a", LongTtl));
        RedisKey hash = $"test:{session}:hash";
        RedisKey text = $"test:{session}:text";

        Assert.True(await _leases.FencedHashSetAsync(session, granted.Token, hash, [new HashEntry("x", 1), new HashEntry("y", "two")]));
        Assert.True(await _leases.FencedSetAsync(session, granted.Token, text, "v", TimeSpan.FromMinutes(5)));

        Assert.Equal("two", (string?)await db.HashGetAsync(hash, "y"));
        Assert.Equal(1, (int)await db.HashGetAsync(hash, "x"));
        Assert.InRange((await db.KeyTimeToLiveAsync(text))!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.True(await _leases.FencedDeleteAsync(session, granted.Token, text));
        Assert.False(await db.KeyExistsAsync(text));
    }

    [Fact]
    public async Task Many_sessions_contended_in_parallel_each_get_exactly_one_owner()
    {
        var sessions = Enumerable.Range(0, 200).Select(i => Sessions.New($"p{i}")).ToArray();
        var attempts = sessions.SelectMany(s => new[] { "x", "y", "z" }.Select(owner => (Session: s, Owner: owner))).ToArray();

        var results = await Task.WhenAll(attempts.Select(async a => (a.Session, a.Owner, Result: await _leases.AcquireAsync(a.Session, a.Owner, LongTtl))));

        foreach (var group in results.GroupBy(r => r.Session))
        {
            var winners = group.Where(r => r.Result is LeaseGranted).ToArray();
            var winner = Assert.Single(winners);
            Assert.Equal(1, ((LeaseGranted)winner.Result).Token);
            Assert.All(group.Where(r => r.Result is LeaseHeld), r => Assert.Equal(winner.Owner, ((LeaseHeld)r.Result).Owner));
        }
    }

    [Fact]
    public void Keys_live_under_the_deployment_prefix()
    {
        var keys = new LeaseKeys("blue");

        Assert.Equal("signals:blue:lease:reader-1", keys.Lease("reader-1").ToString());
        Assert.Equal("signals:blue:fence:reader-1", keys.Fence("reader-1").ToString());
    }
}
