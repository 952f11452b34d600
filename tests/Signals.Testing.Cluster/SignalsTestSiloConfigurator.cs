using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;
using Signals.Hosting;
using Signals.Telegram.Client;
using Signals.Telegram.Port;
using StackExchange.Redis;

namespace Signals.Testing.Cluster;

/// <summary>Each test silo: Redis membership, the product wiring, and a connector of its own over the shared world.</summary>
public sealed class SignalsTestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        var redis = configuration[ClusterProperties.Redis] ?? throw new InvalidOperationException("The test cluster needs Redis.");
        var clusterId = configuration[ClusterProperties.ClusterId] ?? throw new InvalidOperationException("No cluster id.");
        siloBuilder.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        siloBuilder.Services.AddLogging(logging =>
        {
            logging.AddProvider(CapturedLogs.For(clusterId));
            logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace);
        });

        // Quick failure detection: tests kill silos and should not wait Orleans' production defaults out.
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
        });
        // Lets the session watchdog tick every couple of seconds, so a killed silo's sessions come back within a test's patience.
        siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        siloBuilder.AddSignals(new SignalsSiloSetup
        {
            RedisConnectionString = redis,
            ConfigureTelegram = services =>
            {
                // One connector per silo, speaking MTProto over TCP to the cluster's emulator: killing the silo disposes it,
                // which closes its sockets like a dead process's.
                services.AddSingleton(sp =>
                {
                    var server = TestWorlds.Get(clusterId).Server;
                    return new MtprotoTelegramConnector(
                        MtprotoConnectorOptions.ForEmulator(server.LocalEndPoint, server.PublicKey),
                        sp.GetRequiredService<ILoggerFactory>());
                });
                services.AddSingleton<ITelegramConnector>(sp => sp.GetRequiredService<MtprotoTelegramConnector>());
            },
        });
    }
}
