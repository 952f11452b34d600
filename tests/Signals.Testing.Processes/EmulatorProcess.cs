using System.Text.Json;

namespace Signals.Testing.Processes;

/// <summary>
/// A standalone emulator (Signals.Telegram.Emulator.Server) on free loopback ports: its MTProto endpoint and public key
/// for the silos, and its admin API for the harness.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory;

    private EmulatorProcess(ChildProcess process, string directory, string mtprotoEndpoint, Uri adminBase, string publicKeyFile)
    {
        Process = process;
        _directory = directory;
        MtprotoEndpoint = mtprotoEndpoint;
        PublicKeyFile = publicKeyFile;
        Admin = new EmulatorAdmin(adminBase);
    }

    public ChildProcess Process { get; }

    /// <summary>host:port of the MTProto listener, as the silos' <c>Signals:Telegram:Emulator:Endpoint</c> wants it.</summary>
    public string MtprotoEndpoint { get; }

    public string PublicKeyFile { get; }

    public EmulatorAdmin Admin { get; }

    public static async Task<EmulatorProcess> StartAsync(CancellationToken ct = default)
    {
        var directory = Directory.CreateTempSubdirectory("signals-emulator-").FullName;
        var readyFile = Path.Combine(directory, "ready.json");
        var keyFile = Path.Combine(directory, "server-key.pem");
        var process = ChildProcess.Start(
            "emulator",
            BuiltPrograms.EmulatorDll,
            ["--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--public-key-out", keyFile, "--ready-file", readyFile]);
        try
        {
            var deadline = DateTime.UtcNow + ReadyTimeout;
            while (!File.Exists(readyFile))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The emulator exited with code {process.ExitCode} while starting:\n{process.Output}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The emulator wrote no ready file within {ReadyTimeout}:\n{process.Output}");
                }

                await Task.Delay(50, ct);
            }

            using var ready = JsonDocument.Parse(await File.ReadAllTextAsync(readyFile, ct));
            var mtproto = HostPort(ready.RootElement.GetProperty("mtproto").GetString());
            var admin = HostPort(ready.RootElement.GetProperty("admin").GetString());
            var emulator = new EmulatorProcess(process, directory, mtproto, new Uri($"http://{admin}/"), keyFile);
            await emulator.Admin.WaitHealthyAsync(ReadyTimeout, ct);
            return emulator;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    /// <summary>Accepts "host:port" or a URL ("http://host:port/"): the ready file's authors may write either.</summary>
    private static string HostPort(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException("The emulator's ready file lacks an endpoint.");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tcp"
            ? $"{uri.Host}:{uri.Port}"
            : text;
    }
}
