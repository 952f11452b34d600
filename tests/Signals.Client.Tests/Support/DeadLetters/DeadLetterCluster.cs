using System.Globalization;
using Orleans.Runtime;
using Orleans.TestingHost;
using Signals.Signals;
using Signals.Testing;

namespace Signals.Client.Tests.Support.DeadLetters;

/// <summary>A one-silo Signals cluster on a private redis-server, with durable (Redis) or memory signal streams.</summary>
public sealed class DeadLetterCluster : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private DeadLetterCluster(RedisServer redis, TestCluster cluster)
    {
        Redis = redis;
        Cluster = cluster;
    }

    public RedisServer Redis { get; }

    public TestCluster Cluster { get; }

    public static async Task<DeadLetterCluster> StartAsync(bool durable)
    {
        var redis = await RedisServer.StartAsync();
        var builder = new TestClusterBuilder(1);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[DeadLetterClusterSettings.Redis] = redis.ConnectionString;
        builder.Properties[DeadLetterClusterSettings.Durable] = durable.ToString(CultureInfo.InvariantCulture);
        // Secrets at rest need a key; a test-only one (32 bytes of 0x3C), like the other test clusters'.
        builder.Properties["Signals:Secrets:ActiveKeyId"] = "deadletter-test";
        builder.Properties["Signals:Secrets:Keys:deadletter-test"] = Convert.ToBase64String(Enumerable.Repeat((byte)0x3C, 32).ToArray());
        builder.AddSiloBuilderConfigurator<DeadLetterSiloConfigurator>();
        builder.AddClientBuilderConfigurator<DeadLetterClientConfigurator>();
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync().WaitAsync(Timeout);
        }
        catch
        {
            await cluster.DisposeAsync();
            await redis.DisposeAsync();
            throw;
        }

        return new DeadLetterCluster(redis, cluster);
    }

    /// <summary>Runs the CLI through the silo's gateway.</summary>
    public Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync(
        [
            .. args,
            "--gateway", Cluster.GetActiveSilos().First().GatewayAddress!.Endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--cluster-id", Cluster.Options.ClusterId,
            "--service-id", Cluster.Options.ServiceId,
        ]);

    /// <summary>Publishes a mention of <paramref name="tokenKey"/> the way a channel reader does.</summary>
    public Task PublishMentionAsync(string tokenKey, string channel, int messageId)
    {
        var address = tokenKey[(tokenKey.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var evt = new SignalEvent(
            $"{channel}/{messageId}/{tokenKey}/mention", SignalKind.Mention, tokenKey, "solana", address, null, channel, messageId, DateTimeOffset.UtcNow, null);
        return Cluster.Client.GetStreamProvider(SignalStreams.ProviderName)
            .GetStream<SignalEvent>(StreamId.Create(SignalStreams.Namespace, tokenKey))
            .OnNextAsync(evt)
            .WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync().WaitAsync(Timeout);
        }
        catch (Exception)
        {
            // A wedged silo after a failed test: disposal below still frees what it can.
        }

        await Cluster.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
