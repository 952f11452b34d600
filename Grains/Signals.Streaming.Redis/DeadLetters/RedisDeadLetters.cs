using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace Signals.Streaming.Redis;

/// <summary>
/// Lists and replays a provider's dead letters. Registered on silos and clients that call <c>AddRedisStreams</c>:
/// <c>RedisDeadLetters.For(services, "signals")</c>. Works without the event types (routing uses the clear-text
/// namespace and key fields), so a CLI can use it directly against Redis.
/// </summary>
public sealed class RedisDeadLetters
{
    private readonly RedisStreamConnection _connection;
    private readonly RedisStreamKeys _keys;
    private readonly IStreamQueueMapper _mapper;
    private readonly ILogger _logger;

    internal RedisDeadLetters(RedisStreamConnection connection, RedisStreamKeys keys, IStreamQueueMapper mapper, ILogger logger)
    {
        _connection = connection;
        _keys = keys;
        _mapper = mapper;
        _logger = logger;
    }

    /// <summary>The dead letters of the provider named <paramref name="providerName"/> in this host.</summary>
    public static RedisDeadLetters For(IServiceProvider services, string providerName) =>
        services.GetRequiredKeyedService<RedisDeadLetters>(providerName);

    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        await (await DatabaseAsync()).StreamLengthAsync(_keys.DeadLetters).WaitAsync(cancellationToken);

    /// <summary>Oldest first; page with <paramref name="afterId"/> = the last id of the previous page.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int count = 100, string? afterId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var start = afterId is null ? "-" : "(" + afterId;
        var entries = await (await DatabaseAsync()).StreamRangeAsync(_keys.DeadLetters, start, "+", count).WaitAsync(cancellationToken);
        return entries.Select(ToDeadLetter).ToList();
    }

    /// <summary>
    /// Puts a dead letter back on the queue its stream maps to (as a new entry, so it gets K fresh attempts) and
    /// removes it from the dead letters. Returns the new entry id, or null when no such dead letter exists.
    /// </summary>
    public async Task<string?> ReplayAsync(string deadLetterId, CancellationToken cancellationToken = default)
    {
        var database = await DatabaseAsync();
        var entries = await database.StreamRangeAsync(_keys.DeadLetters, deadLetterId, deadLetterId, 1).WaitAsync(cancellationToken);
        if (entries.Length == 0)
        {
            return null;
        }

        var streamId = StreamId.Create((byte[])entries[0][RedisEntryFields.Namespace]!, (byte[])entries[0][RedisEntryFields.Key]!);
        var queueKey = _keys.Queue(_mapper.GetQueueForStream(streamId).GetNumericId());
        var result = await database.ScriptEvaluateAsync(RedisStreamScripts.Replay, [_keys.DeadLetters, queueKey], [deadLetterId]).WaitAsync(cancellationToken);
        if (result.IsNull)
        {
            return null;
        }

        var entryId = result.ToString();
        StreamLog.Replayed(_logger, deadLetterId, queueKey.ToString(), entryId);
        return entryId;
    }

    /// <summary>Replays every dead letter present when called; returns how many were replayed.</summary>
    public async Task<int> ReplayAllAsync(CancellationToken cancellationToken = default)
    {
        var replayed = 0;
        string? after = null;
        while (true)
        {
            var page = await ListAsync(100, after, cancellationToken);
            foreach (var letter in page)
            {
                if (await ReplayAsync(letter.Id, cancellationToken) is not null)
                {
                    replayed++;
                }
            }

            if (page.Count < 100)
            {
                return replayed;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>Drops a dead letter for good.</summary>
    public async Task<bool> DeleteAsync(string deadLetterId, CancellationToken cancellationToken = default) =>
        await (await DatabaseAsync()).StreamDeleteAsync(_keys.DeadLetters, [deadLetterId]).WaitAsync(cancellationToken) > 0;

    private async Task<IDatabase> DatabaseAsync() => (await _connection.GetAsync()).GetDatabase();

    private static DeadLetter ToDeadLetter(StreamEntry entry)
    {
        var id = entry.Id.ToString();
        return new DeadLetter(
            id,
            Text(entry[RedisEntryFields.Namespace]),
            Text(entry[RedisEntryFields.Key]),
            Text(entry[RedisEntryFields.SourceQueue]),
            Text(entry[RedisEntryFields.OriginalId]),
            entry[RedisEntryFields.Deliveries].TryParse(out long deliveries) ? deliveries : 0,
            Text(entry[RedisEntryFields.Reason]),
            DateTimeOffset.FromUnixTimeMilliseconds((long)StreamEntryId.Parse(id).Milliseconds));
    }

    private static string Text(RedisValue value) => value.IsNull ? string.Empty : Encoding.UTF8.GetString((byte[])value!);
}
