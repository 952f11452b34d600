using Orleans.Runtime;

namespace Signals.Streaming.Tests.Grains;

public static class TestStreams
{
    public const string Provider = "redis";
    public const string Namespace = "test-ns";

    public static StreamId Id(string key) => StreamId.Create(Namespace, key);
}
