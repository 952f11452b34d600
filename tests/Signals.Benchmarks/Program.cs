using BenchmarkDotNet.Running;
using Signals.Benchmarks.Detection;
using Signals.Benchmarks.Mtproto;
using Signals.Benchmarks.Streams;

// Helper modes share the benchmark's inputs with the Python comparison (tests/python/old_bot_regex.py):
//   --write-noisy PATH   the long noisy posts as JSONL, exactly as the benchmark measures them
//   --quick [ROUNDS [LABEL]] best-of-N Stopwatch timings per input and per scanner pass (for profiling)
//   --parse PATH         any posts JSONL through PostParser, JSONL on stdout (scored by the Python script)
//   --redis-streams [EVENTS_PER_PRODUCER [POLL_MS]]  end-to-end Redis Streams provider run beside redis-benchmark XADD
//   --handshake-gramjs [RUNS [DIR]]  GramJS (tests/gramjs/handshake-bench.js) logs into our MtprotoServer RUNS times
//   --leases [SAMPLES [SESSIONS [SECONDS]]]  session lease failover (crash, graceful) and the cost of holding many leases
//   --failover-procs [KILLS [STOPS [WATCHDOG_SECONDS]]]  real silo processes on the standalone emulator, on the silo's
//                        defaults: kill -9 / SIGTERM the reader's silo under load, time until its sessions are connected
//                        elsewhere (build Silo, Client and the emulator server in the same configuration first)
// Anything else goes to BenchmarkDotNet, e.g. `--filter '*Detection*' --job short`.
if (args is ["--write-noisy", var path])
{
    await NoisyPosts.WriteJsonLinesAsync(path);
    return 0;
}

if (args is ["--quick", .. var rest])
{
    QuickTiming.Run(rest is [var r, ..] ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 200, rest is [_, var only] ? only : null);
    return 0;
}

if (args is ["--parse", var input])
{
    return await CorpusPosts.ParseToStdoutAsync(input);
}

if (args is ["--redis-streams", .. var streamArgs])
{
    await RedisStreamsBenchmark.RunAsync(
        streamArgs is [var events, ..] ? int.Parse(events, System.Globalization.CultureInfo.InvariantCulture) : 5000,
        TimeSpan.FromMilliseconds(streamArgs is [_, var poll] ? int.Parse(poll, System.Globalization.CultureInfo.InvariantCulture) : 100));
    return 0;
}

if (args is ["--handshake-gramjs", .. var gramJsArgs])
{
    return await HandshakeGramJsRun.RunAsync(
        gramJsArgs is [var runs, ..] ? int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture) : 30,
        gramJsArgs is [_, var directory] ? directory : Path.Combine("tests", "gramjs"));
}

if (args is ["--leases", .. var leaseArgs])
{
    await Signals.Benchmarks.Ownership.LeaseBenchmark.RunAsync(
        leaseArgs is [var samples, ..] ? int.Parse(samples, System.Globalization.CultureInfo.InvariantCulture) : 20,
        leaseArgs is [_, var sessions, ..] ? int.Parse(sessions, System.Globalization.CultureInfo.InvariantCulture) : 1000,
        TimeSpan.FromSeconds(leaseArgs is [_, _, var seconds] ? int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) : 30));
    return 0;
}

if (args is ["--failover-procs", .. var failoverArgs])
{
    return await Signals.Benchmarks.Failover.ProcessFailoverBenchmark.RunAsync(
        failoverArgs is [var kills, ..] ? int.Parse(kills, System.Globalization.CultureInfo.InvariantCulture) : 20,
        failoverArgs is [_, var stops, ..] ? int.Parse(stops, System.Globalization.CultureInfo.InvariantCulture) : 5,
        failoverArgs is [_, _, var watchdog] ? TimeSpan.FromSeconds(int.Parse(watchdog, System.Globalization.CultureInfo.InvariantCulture)) : null);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
