using System.Diagnostics;
using System.Globalization;
using Signals.Testing.Processes;

namespace Signals.Benchmarks.Failover;

/// <summary>
/// Issue 7, proof 3, with real processes: three silo processes in Redis mode on a standalone emulator, under a steady
/// call load. Each round kills -9 (or stops with SIGTERM) the silo that hosts the reader session and measures the time
/// until every session is connected to the emulator again (its live MTProto connections are back to the count before),
/// then starts a replacement silo. At the end every token called must be exactly one alert in the destination chat,
/// and the emulator must have counted no AUTH_KEY_DUPLICATED.
/// </summary>
public static class ProcessFailoverBenchmark
{
    private static readonly TimeSpan RecoveryCeiling = TimeSpan.FromSeconds(120);

    // One token every 1.5 s (posted in each of the 3 channels): below the one alert a second that the default
    // Signals:Delivery:MinIntervalPerChat allows into the destination chat, so the load never builds a backlog.
    private static readonly TimeSpan PostInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(int kills, int stops, TimeSpan? watchdog)
    {
        // The silos run on their own defaults (membership, leases, sessions, delivery): only the log level is set, and
        // the watchdog period when asked for on the command line.
        var overrides = new Dictionary<string, string>
        {
            // Only the benchmark's own lines matter here.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (watchdog is { } period)
        {
            overrides["Signals__Sessions__WatchdogPeriod"] = period.ToString("c", CultureInfo.InvariantCulture);
        }

        var watchdogText = watchdog is { } w ? $"watchdog {w.TotalSeconds} s (overridden)" : "watchdog default";
        Console.WriteLine($"starting redis-server, the emulator and 3 silos ({BuiltPrograms.Configuration}) on the silo's defaults; {watchdogText}");
        await using var cluster = await ProcessCluster.StartAsync(silos: 3, overrides, fastLoops: false);
        var setup = await cluster.SeedAsync(channels: 3);
        var load = new CallLoad(cluster.Admin, setup.Channels, PostInterval);
        using var stopLoad = new CancellationTokenSource();
        var loadTask = load.RunAsync(stopLoad.Token);

        var crash = new List<double>();
        var graceful = new List<double>();
        try
        {
            for (var round = 1; round <= kills + stops; round++)
            {
                var kill = round <= kills;
                var host = await ConnectedHostAsync(cluster, setup.ReaderSession);
                var before = (await cluster.Admin.CountersAsync()).LiveWorldConnections;
                var clock = Stopwatch.StartNew();
                var replacement = Task.CompletedTask;
                if (kill)
                {
                    await cluster.KillAsync(host);
                    replacement = cluster.StartSiloAsync();
                }
                else
                {
                    replacement = cluster.StartSiloAsync();
                    var exit = await cluster.StopAsync(host, TimeSpan.FromSeconds(60));
                    if (exit != 0)
                    {
                        Console.WriteLine($"  {host.Name} exited with {exit} after SIGTERM");
                    }
                }

                // The killed silo's connections drop at once (the kernel closes its sockets); a graceful stop closes them itself.
                var elapsed = await WaitConnectionsBackAsync(cluster.Admin, before, clock);
                (kill ? crash : graceful).Add(elapsed.TotalMilliseconds);
                await replacement;
                var now = await ConnectedHostAsync(cluster, setup.ReaderSession);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round,2} {(kill ? "kill -9" : "SIGTERM"),-7} {host.Name} -> reader on {now.Name}: connected again after {elapsed.TotalMilliseconds:0} ms"));
                if (ReferenceEquals(now, host))
                {
                    throw new InvalidOperationException("The reader reports the silo that was just ended.");
                }
            }
        }
        finally
        {
            await stopLoad.CancelAsync();
            await loadTask;
        }

        var (missing, doubled) = await VerifyAlertsAsync(cluster, setup, load.Tokens);
        var counters = await cluster.Admin.CountersAsync();
        Console.WriteLine($"kill -9, time until the sessions are connected elsewhere ({crash.Count} rounds): {Describe(crash)}");
        Console.WriteLine($"SIGTERM, hand-over time ({graceful.Count} rounds): {Describe(graceful)}");
        Console.WriteLine($"tokens called {load.Tokens.Count}: alerts missing {missing}, doubled {doubled}; posts that failed {load.PostsFailed}");
        Console.WriteLine($"AUTH_KEY_DUPLICATED {counters.AuthKeyDuplicated}, session overlaps {counters.SessionOverlaps}");
        return missing == 0 && doubled == 0 && counters.AuthKeyDuplicated == 0 && counters.SessionOverlaps == 0 ? 0 : 1;
    }

    /// <summary>The live silo that hosts the session once it reports being connected (asking through the CLI).</summary>
    private static async Task<SiloProcess> ConnectedHostAsync(ProcessCluster cluster, string session)
    {
        var deadline = DateTime.UtcNow + RecoveryCeiling;
        while (true)
        {
            try
            {
                var view = await cluster.SessionAsync(session);
                if (view.State == "connected" && cluster.Silos.FirstOrDefault(s => s.Is(view.Silo)) is { } host)
                {
                    return host;
                }
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                // A CLI call routed through a silo that just went away: ask again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{session} was not connected on a live silo within {RecoveryCeiling}.\n{await cluster.DiagnosticsAsync()}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<TimeSpan> WaitConnectionsBackAsync(EmulatorAdmin admin, int target, Stopwatch clock)
    {
        var sawDrop = false;
        while (clock.Elapsed < RecoveryCeiling)
        {
            var live = (await admin.CountersAsync()).LiveWorldConnections;
            sawDrop |= live < target;
            if (sawDrop && live >= target)
            {
                return clock.Elapsed;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The sessions were not connected again within {RecoveryCeiling}.");
    }

    private static async Task<(int Missing, int Doubled)> VerifyAlertsAsync(ProcessCluster cluster, ProcessSetup setup, IReadOnlyList<string> tokens)
    {
        var deadline = DateTime.UtcNow + RecoveryCeiling;
        while (true)
        {
            var messages = await cluster.Admin.MessagesAsync(setup.DestinationChat);
            var counts = tokens.Select(t => messages.Count(m => m.Contains(t, StringComparison.Ordinal))).ToList();
            var missing = counts.Count(c => c == 0);
            var doubled = counts.Count(c => c > 1);
            if ((missing == 0 && doubled == 0) || DateTime.UtcNow > deadline || doubled > 0)
            {
                return (missing, doubled);
            }

            await Task.Delay(500);
        }
    }

    private static string Describe(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return "no samples";
        }

        var sorted = samples.Order().ToList();
        double At(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"p50 {At(0.50):0} ms, p95 {At(0.95):0} ms, min {sorted[0]:0} ms, max {sorted[^1]:0} ms");
    }
}
