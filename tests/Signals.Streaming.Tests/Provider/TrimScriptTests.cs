using Signals.Streaming.Redis;
using Signals.Testing;
using StackExchange.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

/// <summary>
/// The trim script on its own, on the real redis-server: each way the tail (pending and unread entries) can stand
/// against the maximum length and the read cap.
/// </summary>
public sealed class TrimScriptTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private const string Group = "g";
    private IConnectionMultiplexer? _connection;

    public async Task InitializeAsync() => _connection = await redis.Server.ConnectAsync();

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Acknowledged_entries_are_trimmed_exactly_to_the_maximum_length()
    {
        var (database, queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(database, queue, 30);
        await database.StreamAcknowledgeAsync(queue, Group, ids);

        var (removed, pending) = await TrimAsync(database, queue, maxLength: 10, readCap: 1000);

        Assert.Equal(20, removed);
        Assert.Equal(0, pending);
        Assert.Equal(ids[20..], await IdsAsync(database, queue));
    }

    [Fact]
    public async Task Unread_entries_beyond_the_maximum_length_are_kept_and_only_read_ones_go()
    {
        var (database, queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(database, queue, 5);
        await database.StreamAcknowledgeAsync(queue, Group, ids[..5]);

        // 25 entries were never read: more than the maximum of 10, so the cut stops at the first of them.
        var (removed, _) = await TrimAsync(database, queue, maxLength: 10, readCap: 1000);

        Assert.Equal(5, removed);
        Assert.Equal(ids[5..], await IdsAsync(database, queue));
    }

    [Fact]
    public async Task Nothing_from_the_oldest_pending_entry_on_is_trimmed_even_when_acknowledged_entries_follow_it()
    {
        var (database, queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(database, queue, 30);
        await database.StreamAcknowledgeAsync(queue, Group, [.. ids[..12], .. ids[13..]]);

        // Entry 12 is still pending: the 17 acknowledged entries after it make the tail 18 > 10, so the cut is at 12.
        var (removed, pending) = await TrimAsync(database, queue, maxLength: 10, readCap: 1000);

        Assert.Equal(12, removed);
        Assert.Equal(1, pending);
        Assert.Equal(ids[12..], await IdsAsync(database, queue));
    }

    [Fact]
    public async Task A_tail_that_fits_is_kept_whole_by_the_exact_length_cut()
    {
        var (database, queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(database, queue, 25);
        await database.StreamAcknowledgeAsync(queue, Group, [.. ids[..22], .. ids[23..25]]);

        // Pending 22, unread 25..29: a tail of 8 fits in 10, so the stream keeps its newest 10, acknowledged 20 and 21 among them.
        var (removed, pending) = await TrimAsync(database, queue, maxLength: 10, readCap: 1000);

        Assert.Equal(20, removed);
        Assert.Equal(1, pending);
        Assert.Equal(ids[20..], await IdsAsync(database, queue));
    }

    [Fact]
    public async Task A_tail_longer_than_the_read_cap_is_cut_at_its_first_entry()
    {
        var (database, queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(database, queue, 10);
        await database.StreamAcknowledgeAsync(queue, Group, ids[..10]);

        // 20 unread entries fit in the maximum of 25, but the script may read only 4 of them: it cannot tell, so it keeps
        // all of them and trims only what was acknowledged.
        var (removed, _) = await TrimAsync(database, queue, maxLength: 25, readCap: 4);

        Assert.Equal(10, removed);
        Assert.Equal(ids[10..], await IdsAsync(database, queue));
    }

    [Fact]
    public async Task A_stream_within_its_maximum_length_is_left_alone()
    {
        var (database, queue, ids) = await QueueAsync(entries: 8);
        await ReadAsync(database, queue, 8);
        await database.StreamAcknowledgeAsync(queue, Group, ids);

        var (removed, _) = await TrimAsync(database, queue, maxLength: 10, readCap: 1000);

        Assert.Equal(0, removed);
        Assert.Equal(ids, await IdsAsync(database, queue));
    }

    private async Task<(IDatabase Database, RedisKey Queue, RedisValue[] Ids)> QueueAsync(int entries)
    {
        var database = _connection!.GetDatabase();
        RedisKey queue = "trim:" + Guid.NewGuid().ToString("N")[..10];
        await database.StreamCreateConsumerGroupAsync(queue, Group, "0", createStream: true);
        var ids = new RedisValue[entries];
        for (var n = 0; n < entries; n++)
        {
            ids[n] = await database.StreamAddAsync(queue, "p", n);
        }

        return (database, queue, ids);
    }

    private static async Task ReadAsync(IDatabase database, RedisKey queue, int count) =>
        Assert.Equal(count, (await database.StreamReadGroupAsync(queue, Group, "reader", StreamPosition.NewMessages, count)).Length);

    private static async Task<RedisValue[]> IdsAsync(IDatabase database, RedisKey queue) =>
        (await database.StreamRangeAsync(queue)).Select(entry => entry.Id).ToArray();

    private static async Task<(long Removed, long Pending)> TrimAsync(IDatabase database, RedisKey queue, long maxLength, int readCap)
    {
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(RedisStreamScripts.Trim, [queue], [Group, maxLength, readCap]))!;
        return ((long)result[0], (long)result[1]);
    }
}
