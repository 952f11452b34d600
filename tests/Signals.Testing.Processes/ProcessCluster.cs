using System.Globalization;
using System.Text;
using System.Text.Json;
using Signals.Testing;

namespace Signals.Testing.Processes;

/// <summary>
/// A Signals deployment of real processes on this machine: a private redis-server, a standalone emulator, and silo
/// processes in Redis mode whose sessions speak MTProto to the emulator. The cluster is driven through the CLI and the
/// emulator's admin API only, the way an operator and Telegram would.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public static readonly TimeSpan SiloReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly List<SiloProcess> _silos = [];
    private readonly List<SiloProcess> _retired = [];
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly bool _fastLoops;
    private int _siloCount;

    private ProcessCluster(RedisServer redis, EmulatorProcess emulator, string clusterId, IReadOnlyDictionary<string, string> overrides, bool fastLoops)
    {
        _fastLoops = fastLoops;
        Redis = redis;
        Emulator = emulator;
        ClusterId = clusterId;
        _overrides = overrides;
        Cli = new CliRunner(redis.ConnectionString, clusterId, ServiceId);
    }

    public RedisServer Redis { get; }

    public EmulatorProcess Emulator { get; }

    public EmulatorAdmin Admin => Emulator.Admin;

    public CliRunner Cli { get; }

    public string ClusterId { get; }

    public string ServiceId => "signals-procs";

    /// <summary>The silos started and not yet killed or stopped through this harness.</summary>
    public IReadOnlyList<SiloProcess> Silos
    {
        get
        {
            lock (_silos)
            {
                return _silos.ToList();
            }
        }
    }

    /// <summary>
    /// Starts redis-server, the emulator and <paramref name="silos"/> silos. With <paramref name="fastLoops"/> false the
    /// silos run on their own defaults (only what a deployment must set, and <paramref name="overrides"/>): for measuring.
    /// </summary>
    public static async Task<ProcessCluster> StartAsync(
        int silos,
        IReadOnlyDictionary<string, string>? overrides = null,
        bool fastLoops = true,
        CancellationToken ct = default)
    {
        var redis = await RedisServer.StartAsync(ct: ct);
        EmulatorProcess? emulator = null;
        try
        {
            emulator = await EmulatorProcess.StartAsync(ct);
            var cluster = new ProcessCluster(redis, emulator, "procs-" + Guid.NewGuid().ToString("N")[..8], overrides ?? new Dictionary<string, string>(), fastLoops);
            try
            {
                await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.StartSiloAsync(ct)));
                return cluster;
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }
        }
        catch when (emulator is null)
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and waits until it is an active member.</summary>
    public async Task<SiloProcess> StartSiloAsync(CancellationToken ct = default)
    {
        var name = "silo-" + Interlocked.Increment(ref _siloCount).ToString(CultureInfo.InvariantCulture);
        var silo = SiloProcess.Start(name, (siloPort, gatewayPort) =>
            SiloProcessSettings.For(Redis.ConnectionString, ClusterId, ServiceId, Emulator, siloPort, gatewayPort, _overrides, _fastLoops));
        lock (_silos)
        {
            _silos.Add(silo);
        }

        await silo.WaitReadyAsync(SiloReadyTimeout, ct);
        return silo;
    }

    /// <summary>SIGKILL a silo (a crash); it leaves <see cref="Silos"/>.</summary>
    public async Task KillAsync(SiloProcess silo)
    {
        await silo.KillAsync();
        Retire(silo);
    }

    /// <summary>SIGTERM a silo and wait for its graceful shutdown; it leaves <see cref="Silos"/>. Answers the exit code.</summary>
    public async Task<int> StopAsync(SiloProcess silo, TimeSpan timeout)
    {
        Retire(silo);
        return await silo.StopAsync(timeout);
    }

    /// <summary>
    /// Creates a reader and a notifier account, <paramref name="channels"/> call channels and an alert channel in the
    /// emulator, then sets the cluster up with the CLI: both sessions log in with the code the emulator issued, the
    /// reader joins the channels, and the alert channel becomes a destination with the default rule.
    /// </summary>
    public async Task<ProcessSetup> SeedAsync(int channels = 3, CancellationToken ct = default)
    {
        const string readerPhone = "+99966200001";
        const string notifierPhone = "+99966200002";
        await Admin.CreateUserAsync(readerPhone, "Reader", ct);
        var notifierId = await Admin.CreateUserAsync(notifierPhone, "Notifier", ct);
        var names = new List<string>();
        for (var i = 1; i <= channels; i++)
        {
            var name = $"procs_calls_{i:00}";
            await Admin.CreateChannelAsync(name, $"Calls {i}", ct);
            names.Add(name);
        }

        const string alerts = "procs_alerts";
        await Admin.CreateChannelAsync(alerts, "Alerts", ct);
        await Admin.AllowToWriteAsync(alerts, notifierId, ct);

        await LoginAsync("reader", readerPhone, "reader", ct);
        await LoginAsync("notifier", notifierPhone, "notifier", ct);
        foreach (var name in names)
        {
            (await Cli.RunAsync("channels", "add", "@" + name, "--session", "reader")).EnsureSuccess();
        }

        (await Cli.RunAsync("destinations", "add", "main", "--peer", "@" + alerts, "--session", "notifier")).EnsureSuccess();
        return new ProcessSetup("reader", "notifier", names, "main", alerts);
    }

    /// <summary>
    /// <c>signals sessions login</c> without <c>--code</c>: the CLI asks for the code on standard input, and the harness
    /// answers with the one the emulator issued (read from its admin API, as a person reads it from their phone).
    /// </summary>
    public async Task LoginAsync(string session, string phone, string role, CancellationToken ct = default)
    {
        var previous = await Admin.TryGetLoginCodeAsync(phone, ct);
        var result = await Cli.RunAsync(
            ["sessions", "login", session, "--phone", phone, "--role", role],
            async (input, token) =>
            {
                string? code;
                while ((code = await Admin.TryGetLoginCodeAsync(phone, token)) is null || code == previous)
                {
                    await Task.Delay(100, token);
                }

                await input.WriteLineAsync(code);
                await input.FlushAsync(token);
                input.Close();
            },
            ct);
        result.EnsureSuccess();
    }

    public async Task<SessionView> SessionAsync(string name)
    {
        var result = (await Cli.RunAsync("sessions", "show", name, "--json")).EnsureSuccess();
        using var json = result.Json();
        var root = json.RootElement;
        return new SessionView(
            root.GetProperty("name").GetString()!,
            root.GetProperty("state").GetString()!,
            root.GetProperty("loggedIn").GetBoolean(),
            root.GetProperty("silo").GetString(),
            root.GetProperty("reconnects").GetInt32(),
            root.GetProperty("lastError").GetString());
    }

    /// <summary>The live silo process hosting the session (asking activates it if it is nowhere), or null.</summary>
    public async Task<SiloProcess?> HostOfAsync(string session)
    {
        var view = await SessionAsync(session);
        return Silos.FirstOrDefault(s => s.Is(view.Silo));
    }

    /// <summary>How many messages in the chat mention <paramref name="text"/>.</summary>
    public async Task<int> CountMessagesAsync(string chat, string text, CancellationToken ct = default) =>
        (await Admin.MessagesAsync(chat, ct)).Count(m => m.Contains(text, StringComparison.Ordinal));

    /// <summary>Everything that helps explain a failure: counters and the last output lines of every process.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        var text = new StringBuilder();
        try
        {
            text.AppendLine("emulator counters: " + (await Admin.CountersAsync()).Raw);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            text.AppendLine("emulator counters unavailable: " + ex.Message);
        }

        List<SiloProcess> all;
        lock (_silos)
        {
            all = [.. _silos, .. _retired];
        }

        foreach (var silo in all)
        {
            text.AppendLine($"===== {silo.Name} (silo port {silo.SiloPort}, exited: {silo.HasExited}) =====").AppendLine(Tail(silo.Process.Output, 80));
        }

        text.AppendLine("===== emulator =====").AppendLine(Tail(Emulator.Process.Output, 40));
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        List<SiloProcess> all;
        lock (_silos)
        {
            all = [.. _silos, .. _retired];
        }

        foreach (var silo in all)
        {
            await silo.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private void Retire(SiloProcess silo)
    {
        lock (_silos)
        {
            if (_silos.Remove(silo))
            {
                _retired.Add(silo);
            }
        }
    }

    private static string Tail(string output, int lines) => string.Join('\n', output.Split('\n').TakeLast(lines));
}
