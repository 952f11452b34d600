using System.Collections.Concurrent;
using Orleans.Streams;

namespace Signals.Streaming.Redis;

/// <summary>
/// What one queue's receiver has handed to the pulling agent and not yet acknowledged, shared with the queue's
/// delivery-failure handler. An entry "in flight" is never redelivered by the receiver's own sweep; one whose
/// delivery failed leaves this set, stays pending in Redis and is redelivered after <c>RedeliveryDelay</c>.
/// </summary>
internal sealed class QueueDeliveryState
{
    private readonly ConcurrentDictionary<long, string> _entryByToken = new();
    private readonly ConcurrentDictionary<string, long> _tokenByEntry = new(StringComparer.Ordinal);
    private long _lastToken;

    public uint QueueNumber { get; }

    public QueueDeliveryState(uint queueNumber) => QueueNumber = queueNumber;

    public int InFlightCount => _entryByToken.Count;

    /// <summary>Registers an entry about to enter the agent's cache; returns its (always increasing) sequence number.</summary>
    public long Track(string entryId)
    {
        var token = Interlocked.Increment(ref _lastToken);
        if (_tokenByEntry.TryRemove(entryId, out var stale))
        {
            _entryByToken.TryRemove(stale, out _);
        }

        _entryByToken[token] = entryId;
        _tokenByEntry[entryId] = token;
        return token;
    }

    public bool IsInFlight(string entryId) => _tokenByEntry.ContainsKey(entryId);

    /// <summary>Forgets an entry (acknowledged, or failed); returns its id when it was still tracked.</summary>
    public string? Release(StreamSequenceToken? token)
    {
        if (token is null || !_entryByToken.TryRemove(token.SequenceNumber, out var entryId))
        {
            return null;
        }

        _tokenByEntry.TryRemove(entryId, out _);
        return entryId;
    }

    public void Clear()
    {
        _entryByToken.Clear();
        _tokenByEntry.Clear();
    }
}
