using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace Signals.Streaming.Redis;

/// <summary>
/// Reads one queue (one Redis stream) through the provider's consumer group. On taking over a queue it first
/// claims every pending entry of the group (those a dead or previous owner read but never acknowledged), then reads
/// new ones; it acknowledges only what the agent reports delivered to every subscriber.
/// </summary>
internal sealed class RedisQueueAdapterReceiver : IQueueAdapterReceiver
{
    private static readonly IList<IBatchContainer> Nothing = Array.Empty<IBatchContainer>();

    private readonly string _provider;
    private readonly RedisKey _queueKey;
    private readonly RedisKey _deadLetterKey;
    private readonly RedisStreamOptions _options;
    private readonly RedisStreamConnection _connection;
    private readonly Serializer<RedisBatchContainer> _serializer;
    private readonly QueueDeliveryState _state;
    private readonly ILogger _logger;
    private readonly ReceiverBackoff _backoff;
    private readonly RedisValue _consumer;
    private readonly HashSet<RedisValue> _acknowledgeLater = [];
    private readonly Queue<IBatchContainer> _overflow = new();
    private bool _groupReady;
    private bool _recovering = true;
    private RedisValue _recoveryCursor = "-";
    private DateTime _nextMaintenanceUtc;

    public RedisQueueAdapterReceiver(
        string provider,
        RedisStreamKeys keys,
        RedisStreamOptions options,
        RedisStreamConnection connection,
        Serializer<RedisBatchContainer> serializer,
        QueueDeliveryState state,
        string? siloName,
        ILogger logger)
    {
        _provider = provider;
        _queueKey = keys.Queue(state.QueueNumber);
        _deadLetterKey = keys.DeadLetters;
        _options = options;
        _connection = connection;
        _serializer = serializer;
        _state = state;
        _logger = logger;
        _backoff = new ReceiverBackoff(options.MinBackoff, options.MaxBackoff);
        // A fresh consumer name per receiver (whatever an earlier owner left pending is visibly not ours), led by the
        // silo name so XINFO CONSUMERS shows who holds what.
        _consumer = $"{siloName ?? Environment.MachineName}/{Guid.NewGuid():N}";
    }

    private uint Queue => _state.QueueNumber;

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _state.Clear();
        _overflow.Clear();
        try
        {
            await EnsureGroupAsync(await DatabaseAsync());
        }
        catch (Exception exception) when (RedisFailures.IsTransient(exception))
        {
            // Not fatal: reads retry with backoff and create the group once Redis answers.
            _backoff.Failed(DateTime.UtcNow);
            StreamLog.RedisUnavailable(_logger, _provider, Queue, _backoff.Current, exception);
        }
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        // The agent's cache takes at most maxCount batches per read (more throws CacheFullException), and one entry may
        // carry many batches: what does not fit waits here, already tracked as in flight, for the next call.
        var capacity = maxCount <= 0 ? int.MaxValue : maxCount;
        if (_overflow.Count == 0)
        {
            var read = await ReadAsync(maxCount);
            if (read.Count <= capacity)
            {
                return read;
            }

            foreach (var container in read)
            {
                _overflow.Enqueue(container);
            }
        }

        var handed = new List<IBatchContainer>(Math.Min(capacity, _overflow.Count));
        while (handed.Count < capacity && _overflow.TryDequeue(out var next))
        {
            handed.Add(next);
        }

        return handed;
    }

    private async Task<IList<IBatchContainer>> ReadAsync(int maxCount)
    {
        var now = DateTime.UtcNow;
        if (_backoff.IsWaiting(now))
        {
            return Nothing;
        }

        var limit = maxCount <= 0 ? _options.ReadBatchSize : Math.Min(maxCount, _options.ReadBatchSize);
        try
        {
            var database = await DatabaseAsync();
            await AcknowledgeLaterAsync(database);
            if (!_groupReady)
            {
                await EnsureGroupAsync(database);
            }

            IList<IBatchContainer> batch;
            if (_recovering)
            {
                batch = await ClaimPendingAsync(database, minIdleMs: 0, limit, untilEnd: false);
                if (batch.Count > 0)
                {
                    _backoff.Succeeded();
                    return batch;
                }

                _recovering = false;
            }

            if (now >= _nextMaintenanceUtc)
            {
                _nextMaintenanceUtc = now + _options.MaintenanceInterval;
                batch = await MaintainAsync(database, limit);
                if (batch.Count > 0)
                {
                    _backoff.Succeeded();
                    return batch;
                }
            }

            var entries = await database.StreamReadGroupAsync(_queueKey, _options.ConsumerGroup, _consumer, StackExchange.Redis.StreamPosition.NewMessages, limit);
            _backoff.Succeeded();
            return await ToContainersAsync(database, entries, redelivered: false);
        }
        catch (Exception exception) when (RedisFailures.IsMissingGroup(exception))
        {
            // The stream or group vanished (e.g. a flushed Redis): recreate it and look at pending entries again.
            _groupReady = false;
            _recovering = true;
            _recoveryCursor = "-";
            return Nothing;
        }
        catch (Exception exception) when (RedisFailures.IsTransient(exception))
        {
            _backoff.Failed(DateTime.UtcNow);
            StreamLog.RedisUnavailable(_logger, _provider, Queue, _backoff.Current, exception);
            return Nothing;
        }
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        var ids = new List<RedisValue>(messages.Count);
        foreach (var message in messages)
        {
            if (_state.Delivered(message.SequenceToken) is { } entryId)
            {
                ids.Add(entryId);
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        try
        {
            var database = await DatabaseAsync();
            await database.StreamAcknowledgeAsync(_queueKey, _options.ConsumerGroup, ids.ToArray());
            StreamingInstruments.RecordAcknowledged(_provider, Queue, ids.Count);
        }
        catch (Exception exception) when (RedisFailures.IsTransient(exception))
        {
            // Delivered but not yet acknowledged: remember it, so it is acknowledged (not redelivered) once Redis is back.
            _acknowledgeLater.UnionWith(ids);
            StreamLog.AcknowledgeFailed(_logger, _provider, Queue, ids.Count, exception);
        }
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            if (_acknowledgeLater.Count > 0)
            {
                await AcknowledgeLaterAsync(await DatabaseAsync());
            }
        }
        catch (Exception exception) when (RedisFailures.IsTransient(exception))
        {
            // The next owner redelivers them; subscribers dedupe.
        }
        finally
        {
            // Whatever is still in the agent's cache (or waiting in the overflow) stays pending in Redis for the next
            // owner of this queue.
            _state.Clear();
            _overflow.Clear();
            StreamingInstruments.ClearPending(_provider, Queue);
        }
    }

    private async Task<IDatabase> DatabaseAsync() => (await _connection.GetAsync()).GetDatabase();

    private async Task EnsureGroupAsync(IDatabase database)
    {
        try
        {
            // From "0": entries published before any silo read this queue are delivered too.
            if (await database.StreamCreateConsumerGroupAsync(_queueKey, _options.ConsumerGroup, "0", createStream: true))
            {
                StreamLog.GroupCreated(_logger, _provider, Queue, _options.ConsumerGroup);
            }
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another silo (or an earlier run) created it.
        }

        _groupReady = true;
    }

    private async Task AcknowledgeLaterAsync(IDatabase database)
    {
        if (_acknowledgeLater.Count == 0)
        {
            return;
        }

        var ids = _acknowledgeLater.ToArray();
        await database.StreamAcknowledgeAsync(_queueKey, _options.ConsumerGroup, ids);
        _acknowledgeLater.Clear();
        StreamingInstruments.RecordAcknowledged(_provider, Queue, ids.Length);
    }

    /// <summary>
    /// Claims pending entries idle at least <paramref name="minIdleMs"/> (from any consumer) that this receiver
    /// does not hold, after moving those already delivered K times to the dead letters.
    /// </summary>
    private async Task<IList<IBatchContainer>> ClaimPendingAsync(IDatabase database, long minIdleMs, int limit, bool untilEnd)
    {
        var cursor = untilEnd ? (RedisValue)"-" : _recoveryCursor;
        while (true)
        {
            var pending = await database.StreamPendingMessagesAsync(
                _queueKey, _options.ConsumerGroup, limit, RedisValue.Null, cursor, "+", minIdleMs);
            if (pending.Length == 0)
            {
                return Nothing;
            }

            cursor = "(" + pending[^1].MessageId;
            if (!untilEnd)
            {
                _recoveryCursor = cursor;
            }

            var toClaim = new List<RedisValue>();
            foreach (var entry in pending)
            {
                var id = entry.MessageId.ToString();
                if (_state.IsInFlight(id) || _acknowledgeLater.Contains(entry.MessageId))
                {
                    continue;
                }

                if (entry.DeliveryCount >= _options.MaxDeliveryAttempts)
                {
                    await MoveToDeadLettersAsync(database, id, entry.DeliveryCount, "max-deliveries");
                }
                else
                {
                    toClaim.Add(entry.MessageId);
                }
            }

            if (toClaim.Count > 0)
            {
                // XCLAIM re-checks the idle time, so an entry another receiver touched meanwhile is left alone.
                var claimed = await database.StreamClaimAsync(_queueKey, _options.ConsumerGroup, _consumer, minIdleMs, toClaim.ToArray());
                var batch = await ToContainersAsync(database, claimed, redelivered: true);
                if (batch.Count > 0)
                {
                    StreamLog.Redelivering(_logger, _provider, Queue, batch.Count);
                    return batch;
                }
            }

            if (pending.Length < limit)
            {
                return Nothing;
            }
        }
    }

    private async Task<IList<IBatchContainer>> MaintainAsync(IDatabase database, int limit)
    {
        var redelivery = await ClaimPendingAsync(database, (long)_options.RedeliveryDelay.TotalMilliseconds, limit, untilEnd: true);
        await TrimAsync(database);
        return redelivery;
    }

    /// <summary>
    /// Trims to <c>MaxStreamLength</c>, but never an entry that is pending or not yet read (see
    /// <see cref="RedisStreamScripts.Trim"/>), and reports the queue's pending count.
    /// </summary>
    private async Task TrimAsync(IDatabase database)
    {
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(
            RedisStreamScripts.Trim,
            [_queueKey],
            [_options.ConsumerGroup, _options.MaxStreamLength]))!;
        var removed = (long)result[0];
        StreamingInstruments.SetPending(_provider, Queue, (long)result[1]);
        if (removed > 0)
        {
            StreamLog.Trimmed(_logger, _provider, Queue, removed, (string)result[2]!);
        }
    }

    private async Task MoveToDeadLettersAsync(IDatabase database, string entryId, long deliveries, string reason)
    {
        var moved = (long)await database.ScriptEvaluateAsync(
            RedisStreamScripts.MoveToDeadLetters,
            [_queueKey, _deadLetterKey],
            [entryId, _options.ConsumerGroup, deliveries, reason, _options.DeadLetterMaxLength]);
        if (moved > 0)
        {
            StreamingInstruments.RecordDeadLettered(_provider, Queue, moved);
            StreamLog.DeadLettered(_logger, _provider, Queue, entryId, deliveries, reason);
        }
    }

    /// <summary>
    /// Replaces a pending entry of several batches by one new entry per batch (see <see cref="RedisStreamScripts.SplitEntry"/>):
    /// a group commit only ever travels whole on its first delivery, so a failing batch never drags its neighbours
    /// through K redeliveries into the dead letters.
    /// </summary>
    private async Task SplitAsync(IDatabase database, string entryId, int batches)
    {
        var added = (long)await database.ScriptEvaluateAsync(RedisStreamScripts.SplitEntry, [_queueKey], [entryId, _options.ConsumerGroup]);
        if (added > 0)
        {
            StreamLog.Split(_logger, _provider, Queue, entryId, batches); // 0: another reader split it first
        }
    }

    private async Task<IList<IBatchContainer>> ToContainersAsync(IDatabase database, StreamEntry[] entries, bool redelivered)
    {
        if (entries.Length == 0)
        {
            return Nothing;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var decoded = new List<(string Id, RedisBatchContainer[] Containers)>(entries.Length);
        foreach (var entry in entries)
        {
            if (entry.IsNull)
            {
                continue;
            }

            var id = entry.Id.ToString();
            var payloads = RedisEntryFormat.Payloads(entry);
            if (payloads.Count > 1 && redelivered)
            {
                // Coming back means some batch of it failed or its reader died: from now on each batch goes alone.
                await SplitAsync(database, id, payloads.Count);
                continue;
            }

            var containers = new RedisBatchContainer[payloads.Count];
            string? reason = payloads.Count == 0 ? "no-payload" : null;
            for (var i = 0; i < payloads.Count && reason is null; i++)
            {
                try
                {
                    var container = payloads[i].IsNull ? null : _serializer.Deserialize((byte[])payloads[i]!);
                    if (container is null)
                    {
                        reason = "no-payload";
                    }
                    else
                    {
                        containers[i] = container;
                    }
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    reason = "undecodable: " + exception.GetType().Name;
                }
            }

            if (reason is not null)
            {
                if (payloads.Count > 1)
                {
                    // Only the bad batch should end in the dead letters: split, and each part is judged on its own.
                    await SplitAsync(database, id, payloads.Count);
                }
                else
                {
                    // Retrying cannot fix bytes that do not decode: straight to the dead letters.
                    await MoveToDeadLettersAsync(database, id, 1, reason);
                }

                continue;
            }

            decoded.Add((id, containers));
        }

        // Tracked only after every split and dead-letter call above succeeded: an entry tracked but never handed to the
        // agent (because a later call threw) would count as in flight until shutdown, so no sweep would redeliver it.
        // Untracked, it simply stays pending in Redis and the sweep redelivers it after RedeliveryDelay.
        var batch = new List<IBatchContainer>(entries.Length);
        foreach (var (id, containers) in decoded)
        {
            var firstToken = _state.Track(id, containers.Length);
            for (var i = 0; i < containers.Length; i++)
            {
                containers[i].EntryId = id;
                containers[i].Token = new EventSequenceTokenV2(firstToken + i);
                batch.Add(containers[i]);
            }

            StreamingInstruments.RecordLag(_provider, Queue, Math.Max(0, now - (long)StreamEntryId.Parse(id).Milliseconds));
        }

        StreamingInstruments.RecordDelivered(_provider, Queue, batch.Count);
        if (redelivered)
        {
            StreamingInstruments.RecordRedelivered(_provider, Queue, batch.Count);
        }

        return batch;
    }
}
