using Orleans.Runtime;
using Orleans.TestingHost;
using Signals.Hosting;
using Signals.Telegram.Emulator.World;

namespace Signals.Testing.Cluster;

/// <summary>
/// A running Signals cluster for tests: several in-process silos talking TCP, with Redis membership, Redis grain state and
/// reminders on the caller's real redis-server, and one emulated Telegram world they all reach. Every operation has a timeout.
/// </summary>
public sealed class SignalsTestCluster : IAsyncDisposable
{
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(60);

    private SignalsTestCluster(TestCluster cluster, TelegramWorld world, string redis)
    {
        Cluster = cluster;
        World = world;
        RedisConnectionString = redis;
    }

    public TestCluster Cluster { get; }

    public TelegramWorld World { get; }

    public string RedisConnectionString { get; }

    public IClusterClient Client => Cluster.Client;

    public string ClusterId => Cluster.Options.ClusterId;

    public string ServiceId => Cluster.Options.ServiceId;

    /// <summary>What the silos logged so far.</summary>
    public IReadOnlyCollection<string> Logs => CapturedLogs.For(ClusterId).Lines;

    /// <summary>The TCP gateway port of the first live silo, for clients such as the CLI.</summary>
    public int GatewayPort => Cluster.GetActiveSilos().First().GatewayAddress!.Endpoint.Port;

    public static async Task<SignalsTestCluster> StartAsync(
        RedisServer redis,
        int silos = 2,
        IReadOnlyDictionary<string, string?>? settings = null,
        TelegramWorld? world = null,
        string? serviceId = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var builder = new TestClusterBuilder((short)silos);
        if (serviceId is not null)
        {
            // Two clusters with one service id share grain state, reminders, streams and leases: a blue/green pair.
            builder.Options.ServiceId = serviceId;
        }

        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ClusterProperties.Redis] = redis.ConnectionString;

        // Fast loops so tests finish quickly; production defaults are slower on purpose (Telegram's rate limits).
        builder.Properties["Signals:Delivery:MinIntervalPerChat"] = "00:00:00.020";
        builder.Properties["Signals:Delivery:RetryDelay"] = "00:00:00.200";
        builder.Properties["Signals:Delivery:MaxRetryDelay"] = "00:00:01";
        builder.Properties["Signals:Delivery:PollInterval"] = "00:00:00.050";
        builder.Properties["Signals:Sessions:PumpInterval"] = "00:00:00.050";
        builder.Properties["Signals:Sessions:ReconnectDelay"] = "00:00:00.200";
        builder.Properties["Signals:Sessions:MaxReconnectDelay"] = "00:00:01";
        builder.Properties["Signals:Tokens:RulesCacheTime"] = "00:00:00.500";
        builder.Properties["Signals:Sessions:WatchdogPeriod"] = "00:00:02";

        // A stream entry a stopped or dead silo had read but not acknowledged is claimed by a survivor after this long.
        builder.Properties["Signals:Streams:RedeliveryDelay"] = "00:00:02";
        builder.Properties["Signals:Secrets:ActiveKeyId"] = TestSecrets.KeyId;
        builder.Properties[$"Signals:Secrets:Keys:{TestSecrets.KeyId}"] = TestSecrets.Key;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // A null value removes a default (for instance the test key, to run with a new key alone).
            if (value is null)
            {
                builder.Properties.Remove(key);
            }
            else
            {
                builder.Properties[key] = value;
            }
        }

        builder.AddSiloBuilderConfigurator<SignalsTestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<SignalsTestClientConfigurator>();
        var cluster = builder.Build();
        world ??= new TelegramWorld();
        TestWorlds.Register(cluster.Options.ClusterId, world);
        try
        {
            await cluster.DeployAsync().WaitAsync(OperationTimeout);
        }
        catch
        {
            await TestWorlds.RemoveAsync(cluster.Options.ClusterId);
            await cluster.DisposeAsync();
            throw;
        }

        return new SignalsTestCluster(cluster, world, redis.ConnectionString);
    }

    /// <summary>
    /// Creates a reader and a notifier account, <paramref name="channels"/> call channels and a destination group in the
    /// world, then bootstraps the cluster the way a person would with the CLI.
    /// </summary>
    public async Task<TestSetup> SeedAsync(int channels = 3, string prefix = "calls")
    {
        var reader = World.AddUser("+99966100001", "Reader");
        var notifier = World.AddUser("+99966100002", "Notifier");
        var names = new List<string>();
        var ids = new List<long>();
        for (var i = 1; i <= channels; i++)
        {
            var chat = World.CreateChannel($"{prefix}_{i:00}", $"Calls {i}");
            names.Add(chat.Username!);
            ids.Add(chat.Id);
        }

        var group = World.CreateChannel($"{prefix}_alerts", "Alerts");
        World.AllowToWrite(group.Id, notifier.Id);
        var plan = new BootstrapPlan("reader", reader.Phone, "notifier", notifier.Phone, names, "alerts", "@" + group.Username);
        await EmulatorBootstrap.RunAsync(Client, World, plan, CancellationToken.None).WaitAsync(OperationTimeout);
        return new TestSetup(plan, ids, group.Id);
    }

    /// <summary>The silo that currently hosts <paramref name="grain"/>, or null when it is not active anywhere.</summary>
    public SiloAddress? HostOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;

    /// <summary>Moves a grain to a silo (a no-op when it already lives there: Orleans' own call would never finish).</summary>
    public async Task PlaceAsync(IAddressable grain, SiloAddress target)
    {
        if (Equals(HostOf(grain), target))
        {
            return;
        }

        await Cluster.MigrateAsync(grain, target).WaitAsync(OperationTimeout);
    }

    /// <summary>
    /// Kills a silo the way a crashed process dies: no graceful shutdown, then its resources go (its sockets, here the
    /// emulator connections of its connector), as the operating system would close them.
    /// </summary>
    public async Task CrashAsync(SiloHandle silo)
    {
        await Cluster.KillSiloAsync(silo).WaitAsync(OperationTimeout);
        await silo.DisposeAsync().AsTask().WaitAsync(OperationTimeout);
    }

    public SiloHandle SiloAt(SiloAddress address) =>
        Cluster.GetActiveSilos().FirstOrDefault(s => s.SiloAddress.Equals(address))
        ?? throw new InvalidOperationException($"No live silo at {address}.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync().WaitAsync(OperationTimeout);
        }
        catch (Exception)
        {
            // A test that failed may leave a silo wedged; disposal below still releases what it can.
        }

        await Cluster.DisposeAsync();
        await TestWorlds.RemoveAsync(ClusterId);
        CapturedLogs.Forget(ClusterId);
    }
}
