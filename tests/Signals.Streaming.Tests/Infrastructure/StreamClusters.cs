using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;
using Orleans.TestingHost;
using Signals.Streaming.Redis;
using Signals.Streaming.Tests.Grains;
using Signals.Testing;

namespace Signals.Streaming.Tests.Infrastructure;

/// <summary>In-process multi-silo clusters wired to a private Redis, with timings short enough for tests.</summary>
internal static class StreamClusters
{
    public const int QueueCount = 4;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<InProcessTestCluster> StartAsync(RedisServer redis, string serviceId, short silos, Action<RedisStreamOptions>? tweak = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            // Declare a killed silo dead within a few seconds, so its queues move quickly.
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
            silo.AddRedisStreams(TestStreams.Provider, options => Configure(options, redis, tweak), provider =>
            {
                provider.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                provider.ConfigurePullingAgent(agent => agent.Configure(options =>
                {
                    options.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(50);
                    options.MaxEventDeliveryTime = TimeSpan.FromSeconds(1);
                }));
            });
        });
        builder.ConfigureClient(client => client.AddRedisStreams(
            TestStreams.Provider,
            options => Configure(options, redis, tweak),
            provider => provider.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly)));

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync().WaitAsync(Timeout);
        }
        catch
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(Timeout);
            throw;
        }

        return cluster;
    }

    public static Task PublishAsync(this InProcessTestCluster cluster, string streamKey, string eventId) =>
        cluster.Client.GetStreamProvider(TestStreams.Provider).GetStream<TestEvent>(TestStreams.Id(streamKey)).OnNextAsync(new TestEvent(eventId));

    public static RedisStreamKeys Keys(string serviceId) => new(new RedisStreamOptions().KeyPrefix, serviceId, TestStreams.Provider);

    private static void Configure(RedisStreamOptions options, RedisServer redis, Action<RedisStreamOptions>? tweak)
    {
        options.ConnectionString = redis.ConnectionString;
        options.QueueCount = QueueCount;
        options.MaintenanceInterval = TimeSpan.FromMilliseconds(200);
        options.RedeliveryDelay = TimeSpan.FromMilliseconds(500);
        options.MaxDeliveryAttempts = 20;
        options.MinBackoff = TimeSpan.FromMilliseconds(50);
        options.MaxBackoff = TimeSpan.FromMilliseconds(500);
        tweak?.Invoke(options);
    }
}
