using Signals.Testing.Processes;

namespace Signals.Silo.Tests.MultiProcess;

/// <summary>
/// One deployment of real processes shared by the multi-process tests (starting one costs tens of seconds): a redis-server,
/// the standalone emulator, three silos in Redis mode, and the accounts, channels and destination set up through the CLI.
/// </summary>
public sealed class MultiProcessFixture : IAsyncLifetime
{
    private ProcessCluster? _cluster;
    private ProcessSetup? _setup;

    public ProcessCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture is not started.");

    public ProcessSetup Setup => _setup ?? throw new InvalidOperationException("The fixture is not seeded.");

    public async Task InitializeAsync()
    {
        _cluster = await ProcessCluster.StartAsync(silos: 3);
        try
        {
            _setup = await _cluster.SeedAsync(channels: 3);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Setting the cluster up failed: {ex.Message}\n{await _cluster.DiagnosticsAsync()}", ex);
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
