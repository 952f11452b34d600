using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Signals.Testing;

/// <summary>
/// A private <c>redis-server</c> for tests: its own loopback port and data directory, so tests can kill, restart
/// and flush it without touching any other Redis (never the system one on 6379).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int PortAttempts = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly string _executable;
    private readonly string _directory;
    private readonly RedisServerOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private Process? _watchdog;
    private ConnectionMultiplexer? _admin;
    private bool _disposed;

    private RedisServer(string executable, int port, RedisServerOptions options)
    {
        _executable = executable;
        _options = options;
        Port = port;
        _directory = Directory.CreateTempSubdirectory("signals-redis-").FullName;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The data directory (AOF lives here); kept across restarts, deleted on dispose.</summary>
    public string DataDirectory => _directory;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The OS process id of the running redis-server, or null while it is stopped.</summary>
    public int? ProcessId => _process?.Id;

    public static async Task<RedisServer> StartAsync(RedisServerOptions? options = null, CancellationToken ct = default)
    {
        var executable = RedisExecutable.Find();
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(executable, FreePort.Next(), options ?? new RedisServerOptions());
            try
            {
                await server.LaunchAsync(ct);
                return server;
            }
            catch (RedisServerExitedException) when (attempt < PortAttempts)
            {
                // Most likely someone took the port between probing and binding: try another one.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Graceful shutdown (Redis flushes its AOF). No-op when not running.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await StopCoreAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>SIGKILL: whatever Redis had not yet fsynced is lost, as in a crash.</summary>
    public async Task KillAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await KillCoreAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server if it runs and starts it again on the same port with the same data directory.</summary>
    public async Task RestartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await StopCoreAsync();
            await LaunchCoreAsync(CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new connection the caller owns (and disposes). It reconnects by itself across restarts.</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(CreateConfiguration());

    public async Task FlushAllAsync()
    {
        _admin ??= await ConnectionMultiplexer.ConnectAsync(CreateConfiguration());
        await _admin.GetServer(_admin.GetEndPoints()[0]).FlushAllDatabasesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        await KillCoreAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }

        _gate.Dispose();
    }

    private ConfigurationOptions CreateConfiguration() => new()
    {
        EndPoints = { { "127.0.0.1", Port } },
        AllowAdmin = true,
        AbortOnConnectFail = false,
        ConnectTimeout = 5000,
    };

    private async Task LaunchAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await LaunchCoreAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LaunchCoreAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var process = Process.Start(CreateStartInfo()) ?? throw new InvalidOperationException("redis-server did not start.");
        _process = process;
        _watchdog = ChildProcessReaper.Track(process);
        await WaitUntilReadyAsync(process, ct);
    }

    private ProcessStartInfo CreateStartInfo()
    {
        var info = new ProcessStartInfo(_executable) { UseShellExecute = false, WorkingDirectory = _directory };
        void Set(string name, string value)
        {
            info.ArgumentList.Add("--" + name);
            info.ArgumentList.Add(value);
        }

        Set("port", Port.ToString(CultureInfo.InvariantCulture));
        Set("bind", "127.0.0.1");
        Set("dir", _directory);
        Set("logfile", Path.Combine(_directory, "redis.log"));
        Set("daemonize", "no");
        Set("save", string.Empty);
        Set("appendonly", _options.AppendOnly ? "yes" : "no");
        Set("appendfsync", _options.AppendFsync);
        return info;
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new RedisServerExitedException(
                    $"redis-server exited with code {process.ExitCode} while starting on port {Port}. Log:\n{ReadLogTail()}");
            }

            // Redis answers -LOADING while it replays the AOF; only +PONG means it serves commands.
            if (await RespProbe.TrySendAsync(Port, "PING", ct) == "+PONG")
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"redis-server on port {Port} did not answer PING within {ReadyTimeout}. Log:\n{ReadLogTail()}");
            }

            await Task.Delay(25, ct);
        }
    }

    private async Task StopCoreAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        await RespProbe.TrySendAsync(Port, "SHUTDOWN", CancellationToken.None);
        using var timeout = new CancellationTokenSource(ShutdownTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // It would not stop politely; a kill still leaves the AOF as of its last fsync.
        }

        await KillCoreAsync();
    }

    private async Task KillCoreAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
            ChildProcessReaper.Forget(process);
            process.Dispose();
            _process = null;
        }

        if (_watchdog is { } watchdog)
        {
            if (!watchdog.HasExited)
            {
                watchdog.Kill(entireProcessTree: true);
            }

            await watchdog.WaitForExitAsync();
            watchdog.Dispose();
            _watchdog = null;
        }
    }

    private string ReadLogTail()
    {
        var log = Path.Combine(_directory, "redis.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)";
    }
}
