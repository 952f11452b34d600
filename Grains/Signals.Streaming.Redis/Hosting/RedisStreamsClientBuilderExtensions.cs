using Signals.Streaming.Redis;

namespace Orleans.Hosting;

public static class RedisStreamsClientBuilderExtensions
{
    /// <summary>Lets a cluster client publish to (and manage dead letters of) the Redis Streams provider <paramref name="name"/>.</summary>
    public static IClientBuilder AddRedisStreams(
        this IClientBuilder builder,
        string name,
        Action<RedisStreamOptions> configure,
        Action<IClusterClientPersistentStreamConfigurator>? configureProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        RedisStreamsServices.Add(builder.Services, name, configure);
        return builder.AddPersistentStreams(name, RedisQueueAdapterFactory.Create, configurator => configureProvider?.Invoke(configurator));
    }
}
