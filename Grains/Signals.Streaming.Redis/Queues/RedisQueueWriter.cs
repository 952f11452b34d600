using StackExchange.Redis;

namespace Signals.Streaming.Redis;

/// <summary>
/// Group commit for one queue: while an XADD to the queue is on its way, later publishes wait and then go to Redis
/// together as one entry. An idle queue writes a publish at once, so coalescing adds no latency; under load it
/// turns N round trips, N entries and N later reads/acks into one. XADD is atomic, so every publisher of an entry
/// learns the same outcome: written, or not written (a typed error), never half.
/// </summary>
internal sealed class RedisQueueWriter
{
    private readonly string _provider;
    private readonly RedisKey _queueKey;
    private readonly RedisStreamConnection _connection;
    private readonly int _maxBatchesPerEntry;
    private readonly Lock _gate = new();
    private List<QueuedBatch> _waiting = [];
    private bool _writing;

    public RedisQueueWriter(string provider, RedisKey queueKey, RedisStreamConnection connection, int maxBatchesPerEntry)
    {
        _provider = provider;
        _queueKey = queueKey;
        _connection = connection;
        _maxBatchesPerEntry = maxBatchesPerEntry;
    }

    /// <summary>Completes when Redis has an entry carrying <paramref name="batch"/>; faults with <see cref="RedisStreamUnavailableException"/> otherwise.</summary>
    public Task AppendAsync(QueuedBatch batch)
    {
        bool startWriting;
        lock (_gate)
        {
            _waiting.Add(batch);
            startWriting = !_writing;
            _writing = true;
        }

        if (startWriting)
        {
            _ = WriteWhileWaitingAsync();
        }

        return batch.Written;
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (TakeNextEntry() is { } entry)
        {
            try
            {
                var database = (await _connection.GetAsync().ConfigureAwait(false)).GetDatabase();
                // ConfigureAwait(false): this loop serves every publisher of the queue, not the grain that started it.
                await database.StreamAddAsync(_queueKey, RedisEntryFormat.Fields(entry)).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // Every exception, OutOfMemoryException included: this loop is the only writer of the queue, and
                // one that died here would leave it marked as writing, so every later publish would wait forever.
                var failure = exception is RedisException or TimeoutException
                    ? new RedisStreamUnavailableException(
                        $"Redis did not accept an entry of {entry.Count} batch(es) for queue '{_queueKey}' (provider '{_provider}'); they were not enqueued.", exception)
                    : exception;
                if (RedisFailures.IsTransient(exception))
                {
                    // Redis is unreachable: every publish waiting behind this entry would otherwise wait out its own
                    // timeout against the same dead server, one entry after another (the last of N publishers for
                    // N / MaxBatchesPerEntry timeouts). They were not written either; they get the typed error now.
                    foreach (var batch in TakeAllWaiting())
                    {
                        batch.Fail(failure);
                    }
                }

                foreach (var batch in entry)
                {
                    batch.Fail(failure);
                }

                continue;
            }

            StreamingInstruments.RecordEnqueued(_provider, entry.Count);
            foreach (var batch in entry)
            {
                batch.Complete();
            }
        }
    }

    /// <summary>Every batch waiting for a later entry; the loop keeps running and goes idle on its next take.</summary>
    private List<QueuedBatch> TakeAllWaiting()
    {
        lock (_gate)
        {
            var all = _waiting;
            _waiting = [];
            return all;
        }
    }

    /// <summary>The next entry's batches (oldest first, at most the cap), or null after marking the writer idle.</summary>
    private List<QueuedBatch>? TakeNextEntry()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _writing = false;
                return null;
            }

            if (_waiting.Count <= _maxBatchesPerEntry)
            {
                var all = _waiting;
                _waiting = [];
                return all;
            }

            var first = _waiting.GetRange(0, _maxBatchesPerEntry);
            _waiting.RemoveRange(0, _maxBatchesPerEntry);
            return first;
        }
    }
}
