using Signals.Testing;

namespace Signals.Cluster.Tests.Support;

/// <summary>xunit wants collection definitions in the test assembly itself: one redis-server for all cluster tests.</summary>
[CollectionDefinition(RedisCollection.Name)]
public sealed class RedisCollectionDefinition : ICollectionFixture<RedisFixture>;
