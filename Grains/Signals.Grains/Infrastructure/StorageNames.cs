namespace Signals.Infrastructure;

public static class StorageNames
{
    /// <summary>Grain state of every Signals grain: Redis when configured, memory in the embedded default.</summary>
    public const string Default = "signals";

    /// <summary>Orleans' stream pub/sub registry needs a storage provider of exactly this name.</summary>
    public const string PubSub = "PubSubStore";
}
