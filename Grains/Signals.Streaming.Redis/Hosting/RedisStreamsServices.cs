using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streams;

namespace Signals.Streaming.Redis;

/// <summary>Services shared by silo and client registrations of one provider, keyed by its name.</summary>
internal static class RedisStreamsServices
{
    public static void Add(IServiceCollection services, string name, Action<RedisStreamOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<RedisStreamOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisStreamOptions>>(new RedisStreamOptionsValidator(name)));

        services.AddKeyedSingleton(name, (provider, _) =>
            new RedisStreamConnection(provider.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name), provider));
        services.AddKeyedSingleton(name, (provider, _) =>
            new RedisStreamKeys(
                provider.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name).KeyPrefix,
                provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                name));
        services.AddKeyedSingleton(name, (provider, _) =>
            new RedisDeadLetters(
                provider.GetRequiredKeyedService<RedisStreamConnection>(name),
                provider.GetRequiredKeyedService<RedisStreamKeys>(name),
                CreateQueueMapper(name, provider.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name)),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<RedisDeadLetters>()));
    }

    /// <summary>The same ring everywhere (silos, clients, dead-letter replay): queue count and provider name decide it.</summary>
    public static HashRingBasedStreamQueueMapper CreateQueueMapper(string name, RedisStreamOptions options) =>
        new(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.QueueCount }, name);
}
