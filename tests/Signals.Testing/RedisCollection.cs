using Xunit;

namespace Signals.Testing;

/// <summary>Test classes marked <c>[Collection(RedisCollection.Name)]</c> share one redis-server (and run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
