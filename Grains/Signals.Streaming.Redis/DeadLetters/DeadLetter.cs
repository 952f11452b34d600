namespace Signals.Streaming.Redis;

/// <summary>An entry that could not be delivered, as kept in the provider's dead-letter stream.</summary>
/// <param name="Id">Dead-letter stream entry id: pass it to <see cref="RedisDeadLetters.ReplayAsync"/>.</param>
/// <param name="StreamNamespace">The Orleans stream namespace of the events.</param>
/// <param name="StreamKey">The Orleans stream key (UTF-8).</param>
/// <param name="SourceQueue">Redis key of the queue the entry came from.</param>
/// <param name="OriginalEntryId">Its id in that queue.</param>
/// <param name="Deliveries">Deliveries Redis counted before it was moved.</param>
/// <param name="Reason"><c>max-deliveries</c>, <c>no-payload</c> or <c>undecodable: …</c>.</param>
/// <param name="DeadLetteredAt">When it was moved (from the dead-letter entry id).</param>
public sealed record DeadLetter(
    string Id,
    string StreamNamespace,
    string StreamKey,
    string SourceQueue,
    string OriginalEntryId,
    long Deliveries,
    string Reason,
    DateTimeOffset DeadLetteredAt);
