using System.Diagnostics;
using System.Globalization;
using Signals.Ownership;
using Signals.Testing;
using StackExchange.Redis;

namespace Signals.Benchmarks.Ownership;

/// <summary>
/// The lease's share of a session failover, and what keeping leases costs: a private redis-server, the real
/// <see cref="SessionLeaseManager"/> and <see cref="LeaseKeeper"/> with the default options (TTL 3 s, renewal every 1 s,
/// margin 0.5 s).
/// </summary>
public static class LeaseBenchmark
{
    public static async Task RunAsync(int samples, int sessions, TimeSpan hold)
    {
        await using var redis = await RedisServer.StartAsync();
        var connection = await redis.ConnectAsync();
        var options = new LeaseOptions();
        var leases = new SessionLeaseManager(connection, "bench", options);
        Console.WriteLine($"redis-server {redis.ConnectionString}; TTL {options.Ttl.TotalSeconds} s, renewal {options.EffectiveRenewalPeriod.TotalSeconds:0.##} s, margin {options.SafetyMargin.TotalSeconds} s");

        // Crash: the holder stops renewing without releasing (its process is gone); a contender polls every 50 ms.
        var crash = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var session = $"crash-{i}";
            var granted = (LeaseGranted)await leases.AcquireAsync(session, "old", options.Ttl);
            var clock = Stopwatch.StartNew();
            while (await leases.AcquireAsync(session, "new", options.Ttl) is not LeaseGranted)
            {
                await Task.Delay(50);
            }

            crash.Add(clock.Elapsed.TotalMilliseconds);
            _ = granted;
        }

        // Graceful stop: the holder's keeper is disposed (releases at once); the contender acquires right after.
        var graceful = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var session = $"graceful-{i}";
            var keeper = new LeaseKeeper(leases, session, "old", options);
            await keeper.TryAcquireAsync();
            var clock = Stopwatch.StartNew();
            await keeper.DisposeAsync();
            while (await leases.AcquireAsync(session, "new", options.Ttl) is not LeaseGranted)
            {
                await Task.Delay(1);
            }

            graceful.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"failover, lease part, after a crash ({samples} samples): {Describe(crash)}");
        Console.WriteLine($"hand-over after a graceful stop ({samples} samples): {Describe(graceful)}");

        // Cost of keeping many leases: CPU of this process and Redis commands per session per minute.
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var keepers = new List<LeaseKeeper>();
        for (var i = 0; i < sessions; i++)
        {
            var keeper = new LeaseKeeper(leases, $"held-{i}", "silo", options);
            await keeper.TryAcquireAsync();
            keepers.Add(keeper);
        }

        var callsBefore = await ScriptCallsAsync(server);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.Delay(hold);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var calls = await ScriptCallsAsync(server) - callsBefore;
        var lost = keepers.Count(k => !k.IsHeld);
        var minutes = wall.Elapsed.TotalMinutes;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{sessions} leases held {wall.Elapsed.TotalSeconds:0} s: client CPU {100 * cpu.TotalMilliseconds / wall.Elapsed.TotalMilliseconds:0.00} % of one core, Redis script calls {calls / sessions / minutes:0.0} per session per minute, lost {lost}"));
        foreach (var keeper in keepers)
        {
            await keeper.DisposeAsync();
        }
    }

    private static async Task<long> ScriptCallsAsync(IServer server)
    {
        var info = await server.InfoAsync("commandstats");
        long total = 0;
        foreach (var group in info)
        {
            foreach (var pair in group)
            {
                if (pair.Key is "cmdstat_evalsha" or "cmdstat_eval")
                {
                    var calls = pair.Value.Split(',')[0].Split('=')[1];
                    total += long.Parse(calls, CultureInfo.InvariantCulture);
                }
            }
        }

        return total;
    }

    private static string Describe(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.0} ms, p95 {At(0.95):0.0} ms, min {sorted[0]:0.0} ms, max {sorted[^1]:0.0} ms");
    }
}
