namespace Signals.Streaming.Redis;

/// <summary>
/// Field names of a queue entry. Namespace and key are stored in the clear beside the serialized batch so that
/// redis-cli, dead-letter listings and replay can route an entry without the event types. An entry that carries
/// several batches (group commit) repeats the triple ns, key, p once per batch, in publish order.
/// </summary>
internal static class RedisEntryFields
{
    public const string Namespace = "ns";
    public const string Key = "key";
    public const string Payload = "p";

    // Added when an entry moves to the dead-letter stream.
    public const string SourceQueue = "src";
    public const string OriginalId = "oid";
    public const string Deliveries = "n";
    public const string Reason = "why";
}
