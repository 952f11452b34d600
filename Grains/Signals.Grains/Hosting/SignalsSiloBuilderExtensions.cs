using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Signals.Alerts;
using Signals.Channels;
using Signals.Detection;
using Signals.Infrastructure;
using Signals.Sessions;
using Signals.Signals;
using Signals.Tokens;
using StackExchange.Redis;

namespace Signals.Hosting;

/// <summary>The one place that wires Signals' providers, options and services into a silo.</summary>
public static class SignalsSiloBuilderExtensions
{
    public static ISiloBuilder AddSignals(this ISiloBuilder silo, SignalsSiloSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.RedisConnectionString is { } redis)
        {
            var redisOptions = ConfigurationOptions.Parse(redis);
            silo.AddRedisGrainStorage(StorageNames.Default, o => o.ConfigurationOptions = redisOptions.Clone());
            silo.AddRedisGrainStorage(StorageNames.PubSub, o => o.ConfigurationOptions = redisOptions.Clone());
            silo.UseRedisReminderService(o => o.ConfigurationOptions = redisOptions.Clone());
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.UseInMemoryReminderService();
        }

        if (setup.ConfigureSignalStreams is { } configureStreams)
        {
            configureStreams(silo);
        }
        else if (setup.RedisConnectionString is { } streamsRedis)
        {
            // Durable: a silo's death loses no signal in flight (Redis Streams, at-least-once; token grains dedupe).
            silo.AddRedisStreams(SignalStreams.ProviderName, o => o.ConnectionString = streamsRedis);
        }
        else
        {
            silo.AddMemoryStreams(SignalStreams.ProviderName);
        }

        silo.AddActivityPropagation();

        var services = silo.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => TokenDetector.Default);
        AddValidatedOptions<SessionOptions>(services, SessionOptions.Section);
        AddValidatedOptions<ReaderOptions>(services, ReaderOptions.Section);
        AddValidatedOptions<TokenOptions>(services, TokenOptions.Section);
        AddValidatedOptions<DeliveryOptions>(services, DeliveryOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SignalsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReaderOptions>, SignalsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenOptions>, SignalsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, SignalsOptionsValidator>());
        setup.ConfigureTelegram?.Invoke(services);
        return silo;
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }
}
