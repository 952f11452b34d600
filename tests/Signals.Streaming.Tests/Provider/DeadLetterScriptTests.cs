using Signals.Streaming.Redis;
using Signals.Testing;
using StackExchange.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

/// <summary>
/// The dead-letter move as two receivers of one queue run it during a rebalance: both saw the entry in XPENDING with
/// K deliveries, and each calls the script.
/// </summary>
public sealed class DeadLetterScriptTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Group = "g";

    [Fact]
    public async Task An_entry_moved_by_one_receiver_is_not_dead_lettered_again_by_the_other()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var (queue, deadLetters, id) = await PendingEntryAsync(database);

        var first = (long)await MoveAsync(database, queue, deadLetters, id);
        var second = (long)await MoveAsync(database, queue, deadLetters, id);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal(2, await database.StreamLengthAsync(deadLetters));
    }

    [Fact]
    public async Task An_entry_acknowledged_after_it_was_seen_pending_is_not_dead_lettered()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var (queue, deadLetters, id) = await PendingEntryAsync(database);

        // The receiver holding it delivered it meanwhile.
        await database.StreamAcknowledgeAsync(queue, Group, id);
        var moved = (long)await MoveAsync(database, queue, deadLetters, id);

        Assert.Equal(0, moved);
        Assert.Equal(0, await database.StreamLengthAsync(deadLetters));
    }

    private static async Task<(RedisKey Queue, RedisKey DeadLetters, RedisValue Id)> PendingEntryAsync(IDatabase database)
    {
        var prefix = "dls:" + Guid.NewGuid().ToString("N")[..10];
        RedisKey queue = prefix + ":q";
        RedisKey deadLetters = prefix + ":dl";
        await database.StreamCreateConsumerGroupAsync(queue, Group, "0", createStream: true);
        // Two batches in one entry (group commit): each becomes its own dead letter.
        var id = await database.StreamAddAsync(
            queue, [new("ns", "n"), new("key", "k1"), new("p", "a"), new("ns", "n"), new("key", "k2"), new("p", "b")]);
        var read = await database.StreamReadGroupAsync(queue, Group, "reader", StreamPosition.NewMessages, 10);
        Assert.Single(read);
        return (queue, deadLetters, id);
    }

    private static Task<RedisResult> MoveAsync(IDatabase database, RedisKey queue, RedisKey deadLetters, RedisValue id) =>
        database.ScriptEvaluateAsync(RedisStreamScripts.MoveToDeadLetters, [queue, deadLetters], [id, Group, 5, "max-deliveries", 0]);
}
