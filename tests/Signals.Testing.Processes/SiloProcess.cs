using System.Globalization;

namespace Signals.Testing.Processes;

/// <summary>One Signals.Silo process in Redis mode: its ports, its readiness, and the ways it can end.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private SiloProcess(string name, ChildProcess process, int siloPort, int gatewayPort, int httpPort)
    {
        Name = name;
        Process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
    }

    public string Name { get; }

    public ChildProcess Process { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int HttpPort { get; }

    public bool HasExited => Process.HasExited;

    public static SiloProcess Start(string name, Func<int, int, Dictionary<string, string>> environmentFor)
    {
        var siloPort = LoopbackPorts.Next();
        var gatewayPort = LoopbackPorts.Next();
        var httpPort = LoopbackPorts.Next();
        var process = ChildProcess.Start(
            name,
            BuiltPrograms.SiloDll,
            ["--urls", $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}"],
            environmentFor(siloPort, gatewayPort));
        return new SiloProcess(name, process, siloPort, gatewayPort, httpPort);
    }

    /// <summary>
    /// Whether <paramref name="siloAddress"/> (Orleans' text form, "S127.0.0.1:PORT:GENERATION", or any text holding
    /// the endpoint) is this silo.
    /// </summary>
    public bool Is(string? siloAddress) =>
        siloAddress is not null && siloAddress.Contains($":{SiloPort.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal);

    /// <summary>Waits until /health/ready answers 200: the silo is an active cluster member.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Name} exited with code {Process.ExitCode} while starting:\n{Process.Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/health/ready"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A slow answer on a loaded machine: ask again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Silo {Name} was not ready within {timeout}:\n{Process.Output}");
            }

            await Task.Delay(200, ct);
        }
    }

    public void Pause() => Process.Pause();

    public void Resume() => Process.Resume();

    public Task KillAsync() => Process.KillAsync();

    /// <summary>SIGTERM and wait for the graceful shutdown to finish; answers the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Process.Terminate();
        return await Process.WaitForExitAsync(timeout);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
