using Orleans.Streams;

namespace Signals.Streaming.Redis;

/// <summary>
/// What one queue's receiver has handed to the pulling agent and not yet acknowledged, shared with the queue's
/// delivery-failure handler. Each batch gets its own token; an entry that carries several batches (group commit) is
/// acknowledged only once all of them were delivered. An entry "in flight" is never redelivered by the receiver's own
/// sweep; one with a failed batch leaves this set once all its batches are settled, stays pending in Redis and is
/// redelivered after <c>RedeliveryDelay</c>.
/// </summary>
internal sealed class QueueDeliveryState
{
    // The agent calls the receiver and the failure handler from its own turn, but nothing promises one thread: a lock
    // keeps the entry's counters consistent (uncontended, so cheap).
    private readonly Lock _gate = new();
    private readonly Dictionary<long, InFlightEntry> _entryByToken = [];
    private readonly Dictionary<string, InFlightEntry> _entries = new(StringComparer.Ordinal);
    private long _lastToken;

    public QueueDeliveryState(uint queueNumber) => QueueNumber = queueNumber;

    public uint QueueNumber { get; }

    public int InFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Registers a one-batch entry about to enter the agent's cache; returns its (always increasing) token.</summary>
    public long Track(string entryId) => Track(entryId, 1);

    /// <summary>
    /// Registers an entry of <paramref name="batches"/> batches; returns the first of their consecutive tokens. A
    /// redelivered entry replaces its earlier registration, whose tokens then settle nothing.
    /// </summary>
    public long Track(string entryId, int batches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        lock (_gate)
        {
            if (_entries.Remove(entryId, out var stale))
            {
                Forget(stale);
            }

            var first = _lastToken + 1;
            _lastToken += batches;
            var entry = new InFlightEntry(entryId, first, batches);
            _entries[entryId] = entry;
            for (var token = first; token <= _lastToken; token++)
            {
                _entryByToken[token] = entry;
            }

            return first;
        }
    }

    public bool IsInFlight(string entryId)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(entryId);
        }
    }

    /// <summary>Every subscriber had this batch. Returns the entry id once all its batches were delivered: acknowledge it.</summary>
    public string? Delivered(StreamSequenceToken? token) => Settle(token, failed: false, out _);

    /// <summary>
    /// A subscriber failed this batch. Returns its entry id (for logs) when the token was still tracked; the entry is
    /// never acknowledged by this receiver and leaves the in-flight set once all its batches are settled.
    /// </summary>
    public string? Failed(StreamSequenceToken? token)
    {
        Settle(token, failed: true, out var entryId);
        return entryId;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entryByToken.Clear();
            _entries.Clear();
        }
    }

    private string? Settle(StreamSequenceToken? token, bool failed, out string? entryId)
    {
        entryId = null;
        if (token is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_entryByToken.Remove(token.SequenceNumber, out var entry))
            {
                return null;
            }

            entryId = entry.Id;
            entry.AnyFailed |= failed;
            entry.Unresolved--;
            if (entry.Unresolved > 0)
            {
                return null;
            }

            _entries.Remove(entry.Id);
            return entry.AnyFailed ? null : entry.Id;
        }
    }

    private void Forget(InFlightEntry entry)
    {
        for (var token = entry.FirstToken; token < entry.FirstToken + entry.Batches; token++)
        {
            _entryByToken.Remove(token);
        }
    }
}
