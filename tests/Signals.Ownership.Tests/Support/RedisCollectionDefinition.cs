using Signals.Testing;

namespace Signals.Ownership.Tests.Support;

/// <summary>xunit wants collection definitions in the test assembly itself: one redis-server for the Redis tests here.</summary>
[CollectionDefinition(RedisCollection.Name)]
public sealed class RedisCollectionDefinition : ICollectionFixture<RedisFixture>;
