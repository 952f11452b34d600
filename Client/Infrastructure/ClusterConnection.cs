using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Signals.Client.Infrastructure;

/// <summary>
/// An Orleans client connected to the cluster for the length of one command. Connecting either succeeds within
/// <see cref="ClusterSettings.ConnectTimeout"/> or throws a <see cref="CliException"/> with exit code
/// <see cref="ExitCodes.Unreachable"/> and a one-line message.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private const int ConnectAttempts = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public static async Task<ClusterConnection> ConnectAsync(ClusterSettings settings, TextWriter? verboseLog, CancellationToken ct)
    {
        var host = Build(settings, verboseLog);
        try
        {
            await host.StartAsync(ct).WaitAsync(settings.ConnectTimeout, ct);
            return new ClusterConnection(host);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await StopQuietlyAsync(host);
            throw;
        }
        catch (Exception ex)
        {
            await StopQuietlyAsync(host);
            var why = ex is TimeoutException ? $"no answer within {DurationText.Format(settings.ConnectTimeout)}" : FirstLine(ex.Message);
            // A gateway that is up but serves another cluster or service id refuses us the same way as a closed port.
            throw new CliException(
                ExitCodes.Unreachable,
                $"Cannot reach the Signals cluster ({settings.Describe()}): {why}. Is a silo running there with cluster id '{settings.ClusterId}' and service id '{settings.ServiceId}'?",
                ex);
        }
    }

    public async ValueTask DisposeAsync() => await StopQuietlyAsync(_host);

    private static IHost Build(ClusterSettings settings, TextWriter? verboseLog)
    {
        // No defaults: a CLI must not pick up appsettings.json or DOTNET_ variables from whatever directory it runs in.
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "signals" });
        builder.Logging.ClearProviders();
        if (verboseLog is not null)
        {
            builder.Logging.AddProvider(new TextWriterLoggerProvider(verboseLog));
        }

        builder.UseOrleansClient(client =>
        {
            if (settings.RedisConnection is { } redis)
            {
                client.UseRedisClustering(redis);
            }
            else
            {
                client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
            }

            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            client.UseConnectionRetryFilter(new BoundedConnectRetryFilter(ConnectAttempts, RetryDelay));
        });
        return builder.Build();
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            using var cts = new CancellationTokenSource(StopTimeout);
            await host.StopAsync(cts.Token).WaitAsync(StopTimeout);
        }
        catch (Exception)
        {
            // Leaving: a client that cannot stop cleanly has nothing left to lose.
        }

        host.Dispose();
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim().TrimEnd('.');
        return line.Length == 0 ? "connection failed" : line;
    }
}
