using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Signals.Alerts;
using Signals.Channels;
using Orleans.Configuration;
using Signals.Detection;
using Signals.Ownership;
using Signals.Sessions.Ownership;
using Signals.Infrastructure;
using Signals.Sessions;
using Signals.Signals;
using Signals.Tokens;
using StackExchange.Redis;

namespace Signals.Hosting;

/// <summary>The one place that wires Signals' providers, options and services into a silo.</summary>
public static class SignalsSiloBuilderExtensions
{
    /// <summary>The service key of the Redis connection that leases, session state and secrets administration use.</summary>
    public const string OwnershipRedisKey = "signals-ownership";
    private const string StreamsSection = "Signals:Streams";
    private static readonly TimeSpan DefaultStreamPoll = TimeSpan.FromMilliseconds(50);

    public static ISiloBuilder AddSignals(this ISiloBuilder silo, SignalsSiloSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.RedisConnectionString is { } redis)
        {
            var redisOptions = ConfigurationOptions.Parse(redis);
            // Orleans' own serializer, not the JSON default: state holds records whose collections may be compiler-made
            // types that JSON with type names cannot read back on another silo; [Id]s also make the format version-tolerant.
            foreach (var storage in new[] { StorageNames.Default, StorageNames.PubSub })
            {
                silo.AddRedisGrainStorage(storage, (Action<OptionsBuilder<Orleans.Persistence.RedisStorageOptions>>)(builder =>
                    builder.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
                    {
                        o.ConfigurationOptions = redisOptions.Clone();
                        o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
                    })));
            }
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
            // Tunable under Signals:Streams (QueueCount, MaxStreamLength, MaxDeliveryAttempts, ...; PollInterval for the
            // pulling agents: a shorter poll lowers latency and costs idle reads).
            var section = silo.Configuration.GetSection(StreamsSection);
            var poll = section.GetValue("PollInterval", DefaultStreamPoll);
            if (poll <= TimeSpan.Zero || poll > TimeSpan.FromSeconds(10))
            {
                throw new OptionsValidationException(StreamsSection, typeof(TimeSpan), [$"{StreamsSection}:PollInterval must be greater than 0 and at most 00:00:10; got {poll}."]);
            }

            silo.AddRedisStreams(
                SignalStreams.ProviderName,
                o =>
                {
                    section.Bind(o);
                    o.ConnectionString = streamsRedis;
                },
                provider => provider.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = poll)));
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
        AddValidatedOptions<Catalog.RulesOptions>(services, Catalog.RulesOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Catalog.RulesOptions>, Catalog.RulesOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SignalsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReaderOptions>, SignalsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenOptions>, SignalsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, SignalsOptionsValidator>());
        AddSessionOwnership(services, setup.RedisConnectionString);
        setup.ConfigureTelegram?.Invoke(services);
        return silo;
    }

    /// <summary>Leases, fenced and encrypted session state: Redis when configured, an in-process equivalent otherwise.</summary>
    private static void AddSessionOwnership(IServiceCollection services, string? redis)
    {
        services.AddSignalsLeaseOptions();
        services.AddSignalsSecrets();
        services.TryAddSingleton<SessionVault>();
        if (redis is not null)
        {
            services.TryAddKeyedSingleton<IConnectionMultiplexer>(OwnershipRedisKey, (_, _) =>
            {
                var options = ConfigurationOptions.Parse(redis);
                options.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(options);
            });
            services.TryAddSingleton(sp => new SessionLeaseManager(
                sp.GetRequiredKeyedService<IConnectionMultiplexer>(OwnershipRedisKey),
                sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                sp.GetRequiredService<IOptions<LeaseOptions>>().Value,
                sp.GetRequiredService<TimeProvider>()));
            services.TryAddSingleton<ISessionLeases>(sp => sp.GetRequiredService<SessionLeaseManager>());
            services.TryAddSingleton<IFencedSessionStore>(sp => new RedisFencedSessionStore(
                sp.GetRequiredKeyedService<IConnectionMultiplexer>(OwnershipRedisKey),
                sp.GetRequiredService<SessionLeaseManager>(),
                sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
            services.AddHostedService(sp => new SecretKeyCheck(
                sp.GetRequiredKeyedService<IConnectionMultiplexer>(OwnershipRedisKey),
                sp.GetRequiredService<SecretProtector>(),
                sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        }
        else
        {
            services.TryAddSingleton<InMemorySessionLeases>();
            services.TryAddSingleton<ISessionLeases>(sp => sp.GetRequiredService<InMemorySessionLeases>());
            services.TryAddSingleton<IFencedSessionStore>(sp => sp.GetRequiredService<InMemorySessionLeases>());

            // Nothing is durable in the embedded default, so a key made up at start is enough when none is configured.
            services.PostConfigure<SecretOptions>(o =>
            {
                if (string.IsNullOrEmpty(o.ActiveKeyId) && o.Keys.Count == 0)
                {
                    o.ActiveKeyId = "ephemeral";
                    o.Keys["ephemeral"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                }
            });
        }
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }
}
