using System.Text;
using Signals.Ownership.Tests.Support;
using Signals.Testing;
using StackExchange.Redis;

namespace Signals.Ownership.Tests.Secrets;

[Collection(RedisCollection.Name)]
public sealed class SecretRotatorTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Purpose = "session-blob";
    private readonly string _old = TestKeys.NewKey();
    private readonly string _new = TestKeys.NewKey();
    private readonly string _prefix = $"rot-{Guid.NewGuid():N}:";
    private IConnectionMultiplexer _connection = null!;
    private IDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _connection = await redis.Server.ConnectAsync();
        _db = _connection.GetDatabase();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Rotation_rewrites_old_values_under_the_new_key_and_leaves_everything_else_alone()
    {
        var before = new SecretProtector(TestKeys.Options("old", ("old", _old)));
        var during = new SecretProtector(TestKeys.Options("new", ("old", _old), ("new", _new)));
        var stranger = new SecretProtector(TestKeys.Options("gone", ("gone", TestKeys.NewKey())));
        for (var i = 0; i < 30; i++)
        {
            await _db.StringSetAsync(Key($"session:{i}"), before.Protect(Secret(i), Purpose));
        }

        await _db.StringSetAsync(Key("session:ttl"), before.Protect(Secret(100), Purpose), TimeSpan.FromHours(1));
        await _db.HashSetAsync(Key("session:hash"), [new HashEntry("a", before.Protect(Secret(200), Purpose)), new HashEntry("b", before.Protect(Secret(201), Purpose))]);
        await _db.StringSetAsync(Key("session:plain"), "not a secret");
        await _db.StringSetAsync(Key("session:current"), during.Protect(Secret(300), Purpose));
        var undecryptable = stranger.Protect(Secret(400), Purpose);
        await _db.StringSetAsync(Key("session:foreign"), undecryptable);
        await _db.ListRightPushAsync(Key("session:list"), "x");

        var report = await new SecretRotator(during).RotateAsync(_db, _prefix + "session:*", Purpose, pageSize: 7);

        Assert.Equal(36, report.KeysScanned);
        Assert.Equal(33, report.Rotated);
        Assert.Equal(1, report.AlreadyCurrent);
        Assert.Equal(2, report.NotProtected);
        Assert.Equal(1, report.Undecryptable);
        Assert.Equal(0, report.ChangedConcurrently);
        var problem = Assert.Single(report.Problems);
        Assert.Contains(Key("session:foreign"), problem, StringComparison.Ordinal);
        Assert.Contains("Signals:Secrets:Keys:gone", problem, StringComparison.Ordinal);

        var after = new SecretProtector(TestKeys.Options("new", ("new", _new)));
        for (var i = 0; i < 30; i++)
        {
            byte[] stored = (await _db.StringGetAsync(Key($"session:{i}")))!;
            Assert.True(after.IsUnderActiveKey(stored));
            Assert.Equal(Secret(i), after.Unprotect(stored, Purpose));
        }

        Assert.Equal(Secret(200), after.Unprotect((byte[])(await _db.HashGetAsync(Key("session:hash"), "a"))!, Purpose));
        Assert.Equal(Secret(201), after.Unprotect((byte[])(await _db.HashGetAsync(Key("session:hash"), "b"))!, Purpose));
        Assert.Equal(Secret(100), after.Unprotect((byte[])(await _db.StringGetAsync(Key("session:ttl")))!, Purpose));
        Assert.NotNull(await _db.KeyTimeToLiveAsync(Key("session:ttl")));
        Assert.Equal(undecryptable, (byte[])(await _db.StringGetAsync(Key("session:foreign")))!);
        Assert.Equal("not a secret", (string?)await _db.StringGetAsync(Key("session:plain")));
    }

    [Fact]
    public async Task A_value_rewritten_by_its_owner_during_rotation_is_not_overwritten()
    {
        var before = new SecretProtector(TestKeys.Options("old", ("old", _old)));
        var during = new SecretProtector(TestKeys.Options("new", ("old", _old), ("new", _new)));
        await _db.StringSetAsync(Key("busy"), before.Protect(Secret(1), Purpose));
        var ownersWrite = during.Protect(Secret(2), Purpose);

        // The purpose is asked for between the read and the write: the owner's write lands exactly there.
        var report = await new SecretRotator(during).RotateAsync(_db, Key("busy"), (key, _) =>
        {
            _db.StringSet(key, ownersWrite);
            return Purpose;
        });

        Assert.Equal(1, report.ChangedConcurrently);
        Assert.Equal(0, report.Rotated);
        Assert.Equal(ownersWrite, (byte[])(await _db.StringGetAsync(Key("busy")))!);
    }

    [Fact]
    public async Task Values_with_no_purpose_are_left_alone()
    {
        var before = new SecretProtector(TestKeys.Options("old", ("old", _old)));
        var during = new SecretProtector(TestKeys.Options("new", ("old", _old), ("new", _new)));
        var original = before.Protect(Secret(1), "bot-token");
        await _db.StringSetAsync(Key("other:1"), original);

        var report = await new SecretRotator(during).RotateAsync(_db, _prefix + "other:*", (_, _) => null);

        Assert.Equal(1, report.NotProtected);
        Assert.Equal(original, (byte[])(await _db.StringGetAsync(Key("other:1")))!);
    }

    private string Key(string name) => _prefix + name;

    private static byte[] Secret(int i) => Encoding.ASCII.GetBytes($"auth-key-material-{i:D4}-with-salts");
}
