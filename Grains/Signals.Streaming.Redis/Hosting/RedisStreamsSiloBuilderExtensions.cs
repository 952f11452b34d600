using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Signals.Streaming.Redis;

namespace Orleans.Hosting;

public static class RedisStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Adds a persistent stream provider named <paramref name="name"/> on Redis Streams: at-least-once delivery,
    /// acknowledged after every subscriber had an event, pending entries redelivered when a queue changes owner,
    /// poison entries dead-lettered after <see cref="RedisStreamOptions.MaxDeliveryAttempts"/>.
    /// </summary>
    /// <param name="configureProvider">Optional: Orleans' own knobs (pulling agent, balancer, cache size).</param>
    public static ISiloBuilder AddRedisStreams(
        this ISiloBuilder builder,
        string name,
        Action<RedisStreamOptions> configure,
        Action<ISiloPersistentStreamConfigurator>? configureProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        RedisStreamsServices.Add(builder.Services, name, configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IIncomingGrainCallFilter, StreamTraceRestoringFilter>());
        return builder.AddPersistentStreams(name, RedisQueueAdapterFactory.Create, configurator => configureProvider?.Invoke(configurator));
    }
}
