using Signals.Streaming.Redis;
using Signals.Testing;
using StackExchange.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

/// <summary>
/// The trim script on its own, on the real redis-server: what every consumer group of the key still needs (its
/// pending entries and everything after its last-delivered id) stays, whatever else the maximum length asks.
/// </summary>
public sealed class TrimScriptTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private const string Group = "g";
    private IConnectionMultiplexer? _connection;

    private IDatabase Database => _connection!.GetDatabase();

    public async Task InitializeAsync() => _connection = await redis.Server.ConnectAsync();

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_nothing_in_flight_acknowledged_entries_are_trimmed_exactly_to_the_maximum_length()
    {
        var (queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(queue, 30);
        await Database.StreamAcknowledgeAsync(queue, Group, ids);

        var trim = await TrimAsync(queue, maxLength: 10);

        Assert.Equal((20L, 0L, "MAXLEN 10"), trim);
        Assert.Equal(ids[20..], await IdsAsync(queue));
    }

    [Fact]
    public async Task Unread_entries_beyond_the_maximum_length_are_kept_and_only_read_ones_go()
    {
        var (queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(queue, 5);
        await Database.StreamAcknowledgeAsync(queue, Group, ids[..5]);

        var trim = await TrimAsync(queue, maxLength: 10);

        Assert.Equal((5L, 0L, $"MINID {ids[5]}"), trim);
        Assert.Equal(ids[5..], await IdsAsync(queue));
    }

    [Fact]
    public async Task Nothing_from_the_oldest_pending_entry_on_is_trimmed_even_when_acknowledged_entries_follow_it()
    {
        var (queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(queue, 30);
        await Database.StreamAcknowledgeAsync(queue, Group, [.. ids[..12], .. ids[13..]]);

        var trim = await TrimAsync(queue, maxLength: 10);

        Assert.Equal((12L, 1L, $"MINID {ids[12]}"), trim);
        Assert.Equal(ids[12..], await IdsAsync(queue));
    }

    [Fact]
    public async Task While_entries_are_in_flight_every_acknowledged_entry_before_the_oldest_goes()
    {
        var (queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(queue, 25);
        await Database.StreamAcknowledgeAsync(queue, Group, [.. ids[..22], .. ids[23..25]]);

        // Pending 22 and unread 25..29: a length cut would keep the newest 10 (20 and 21 among them), but finding it
        // means reading the entries before it, so the cut is at the oldest entry that must stay.
        var trim = await TrimAsync(queue, maxLength: 10);

        Assert.Equal((22L, 1L, $"MINID {ids[22]}"), trim);
        Assert.Equal(ids[22..], await IdsAsync(queue));
    }

    [Fact]
    public async Task A_group_moved_back_keeps_every_entry_it_will_read_again()
    {
        var (queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(queue, 30);
        await Database.StreamAcknowledgeAsync(queue, Group, ids[..20]);
        await Database.ExecuteAsync("XGROUP", "SETID", queue, Group, ids[4]);

        // Pending 20..29, but the group will read 5..19 again: those stay too.
        var trim = await TrimAsync(queue, maxLength: 5);

        Assert.Equal((5L, 10L, $"MINID {ids[5]}"), trim);
        Assert.Equal(ids[5..], await IdsAsync(queue));
    }

    [Fact]
    public async Task Another_group_on_the_key_keeps_what_it_has_not_read()
    {
        var (queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(queue, 30);
        await Database.StreamAcknowledgeAsync(queue, Group, ids);
        await Database.StreamCreateConsumerGroupAsync(queue, "other", "0");
        await Database.StreamReadGroupAsync(queue, "other", "reader", StreamPosition.NewMessages, 10);
        await Database.StreamAcknowledgeAsync(queue, "other", ids[..10]);

        var trim = await TrimAsync(queue, maxLength: 5);

        Assert.Equal((10L, 0L, $"MINID {ids[10]}"), trim);
        Assert.Equal(ids[10..], await IdsAsync(queue));
    }

    [Fact]
    public async Task A_pending_entry_already_deleted_from_the_stream_does_not_stop_trimming_before_it()
    {
        var (queue, ids) = await QueueAsync(entries: 30);
        await ReadAsync(queue, 30);
        await Database.StreamAcknowledgeAsync(queue, Group, [.. ids[..3], .. ids[4..]]);
        await Database.StreamDeleteAsync(queue, [ids[3]]);

        var trim = await TrimAsync(queue, maxLength: 5);

        Assert.Equal((3L, 1L, $"MINID {ids[4]}"), trim);
        Assert.Equal(ids[4..], await IdsAsync(queue));
    }

    [Fact]
    public async Task Entry_ids_are_compared_as_numbers_not_as_text()
    {
        RedisKey queue = "trim:" + Guid.NewGuid().ToString("N")[..10];
        await Database.StreamCreateConsumerGroupAsync(queue, Group, "0", createStream: true);
        RedisValue[] ids = ["5-8", "5-9", "5-10", "9-1", "10-1", "100-1"];
        foreach (var id in ids)
        {
            await Database.StreamAddAsync(queue, "p", 1, messageId: id);
        }

        await ReadAsync(queue, ids.Length);
        // 5-9 stays pending; as text it sorts after both "5-10" and "100-1", the group's last-delivered id.
        await Database.StreamAcknowledgeAsync(queue, Group, [ids[0], .. ids[2..]]);

        var trim = await TrimAsync(queue, maxLength: 2);

        Assert.Equal((1L, 1L, "MINID 5-9"), trim);
        Assert.Equal(ids[1..], await IdsAsync(queue));
    }

    [Fact]
    public async Task A_stream_within_its_maximum_length_is_left_alone()
    {
        var (queue, ids) = await QueueAsync(entries: 8);
        await ReadAsync(queue, 8);
        await Database.StreamAcknowledgeAsync(queue, Group, ids);

        var trim = await TrimAsync(queue, maxLength: 10);

        Assert.Equal(0, trim.Removed);
        Assert.Equal(ids, await IdsAsync(queue));
    }

    private async Task<(RedisKey Queue, RedisValue[] Ids)> QueueAsync(int entries)
    {
        RedisKey queue = "trim:" + Guid.NewGuid().ToString("N")[..10];
        await Database.StreamCreateConsumerGroupAsync(queue, Group, "0", createStream: true);
        var ids = new RedisValue[entries];
        for (var n = 0; n < entries; n++)
        {
            ids[n] = await Database.StreamAddAsync(queue, "p", n);
        }

        return (queue, ids);
    }

    private async Task ReadAsync(RedisKey queue, int count) =>
        Assert.Equal(count, (await Database.StreamReadGroupAsync(queue, Group, "reader", StreamPosition.NewMessages, count)).Length);

    private async Task<RedisValue[]> IdsAsync(RedisKey queue) =>
        (await Database.StreamRangeAsync(queue)).Select(entry => entry.Id).ToArray();

    private async Task<(long Removed, long Pending, string Cut)> TrimAsync(RedisKey queue, long maxLength)
    {
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisStreamScripts.Trim, [queue], [Group, maxLength]))!;
        return ((long)result[0], (long)result[1], (string)result[2]!);
    }
}
