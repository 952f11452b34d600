using Signals.Client.Infrastructure;
using Signals.Testing;
using Signals.Testing.Cluster;

namespace Signals.Client.Tests.Support;

/// <summary>
/// One running two-silo Signals cluster (real redis-server, Redis membership, emulated Telegram) seeded the way a person
/// would set it up, shared by the CLI tests of a class. Tests use names of their own so they do not depend on each other.
/// </summary>
public sealed class CliClusterFixture : IAsyncLifetime
{
    private RedisServer? _redis;
    private SignalsTestCluster? _cluster;
    private TestSetup? _setup;

    public SignalsTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public TestSetup Setup => _setup ?? throw new InvalidOperationException("The cluster has not been seeded.");

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _cluster = await SignalsTestCluster.StartAsync(_redis, silos: 2);
        _setup = await _cluster.SeedAsync(channels: 3, prefix: "cli");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    /// <summary>Runs a command against the cluster through its gateway, as <c>signals … --gateway p --cluster-id … --service-id …</c>.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunAsync(new TestConsoleIO(), args);

    public Task<CliRun> RunAsync(TestConsoleIO io, params string[] args) =>
        CliRun.RunAsync(io, [.. args, .. GatewayArguments()]);

    public string[] GatewayArguments() =>
        ["--gateway", Cluster.GatewayPort.ToString(), "--cluster-id", Cluster.ClusterId, "--service-id", Cluster.ServiceId];

    public string[] RedisArguments() =>
        ["--redis", Cluster.RedisConnectionString, "--cluster-id", Cluster.ClusterId, "--service-id", Cluster.ServiceId];

    /// <summary>An exit code check that shows what the CLI said when it fails.</summary>
    public static void AssertOk(CliRun run) =>
        Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}\nstdout: {run.StdOut}\nstderr: {run.StdErr}");
}
