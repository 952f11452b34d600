using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.TestingHost;
using Signals.Hosting;
using Signals.Signals;
using StackExchange.Redis;

namespace Signals.Client.Tests.Support.DeadLetters;

/// <summary>
/// The product wiring (<see cref="SignalsSiloBuilderExtensions.AddSignals"/>) on Redis membership, storage and reminders,
/// with the signal streams either the Redis provider tuned to give up on a poison event within seconds (the production
/// defaults take minutes: a minute per delivery attempt, 30 s before a redelivery) or memory streams, as the embedded default.
/// </summary>
public sealed class DeadLetterSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var redis = siloBuilder.Configuration[DeadLetterClusterSettings.Redis] ?? throw new InvalidOperationException("No Redis.");
        var durable = siloBuilder.Configuration.GetValue<bool>(DeadLetterClusterSettings.Durable);
        siloBuilder.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        siloBuilder.AddSignals(new SignalsSiloSetup
        {
            RedisConnectionString = redis,
            ConfigureSignalStreams = silo =>
            {
                if (!durable)
                {
                    silo.AddMemoryStreams(SignalStreams.ProviderName);
                    return;
                }

                silo.AddRedisStreams(
                    SignalStreams.ProviderName,
                    o =>
                    {
                        o.ConnectionString = redis;
                        o.MaxDeliveryAttempts = DeadLetterClusterSettings.MaxDeliveryAttempts;
                        o.RedeliveryDelay = TimeSpan.FromMilliseconds(300);
                        o.MaintenanceInterval = TimeSpan.FromMilliseconds(200);
                    },
                    provider => provider.ConfigurePullingAgent(agent => agent.Configure(o =>
                    {
                        o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(50);
                        o.MaxEventDeliveryTime = TimeSpan.FromSeconds(1);
                    })));
            },
        });
    }
}
