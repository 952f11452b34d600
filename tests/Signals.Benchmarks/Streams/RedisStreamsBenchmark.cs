using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using StackExchange.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;
using Signals.Testing;

namespace Signals.Benchmarks.Streams;

/// <summary>
/// End-to-end throughput and publish→subscriber latency through the Redis Streams provider (2 in-process silos, one
/// producer grain per queue, 1 KB events, implicit subscribers), beside raw XADD on the same redis-server in the same
/// sitting. A plain timed harness: BenchmarkDotNet's repeated micro-invocations do not fit a cluster run.
/// </summary>
public static class RedisStreamsBenchmark
{
    private const int Queues = 8;
    private const int StreamsPerQueue = 16;
    private const int Lanes = 16;
    private const int WarmUpRounds = 5;

    // Retention as an operator would size it for this rate: 1,000 entries per queue (~8,000 events at ~8 events per
    // entry under group commit), trimmed every second. The defaults (100,000 entries, every 5 s) let the data set grow
    // by ~1 KB per event for the whole run (measured: 2.2 GB by the paced run), and every AOF rewrite forks and copies
    // the whole data set inside a measured run; at 2,000 entries trimmed every 5 s, used_memory still reached
    // 180–410 MB at peak rate.
    private const long MaxStreamLength = 1_000;
    private static readonly TimeSpan MaintenanceInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <param name="eventsPerProducer">Events each producer publishes in the peak run.</param>
    /// <param name="pollPeriod">The pulling agent's GetQueueMsgsTimerPeriod (Orleans' default is 100 ms).</param>
    public static async Task RunAsync(int eventsPerProducer, TimeSpan pollPeriod)
    {
        await using var redis = await RedisServer.StartAsync();
        Console.WriteLine($"redis-server {redis.ConnectionString} (appendonly yes, appendfsync everysec); this process: {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Environment.ProcessorCount} cores");
        foreach (var (clients, pipeline) in new[] { (50, 1), (16, 1), (1, 1) })
        {
            var raw = await RedisBenchmarkTool.XaddAsync(redis.Port, clients, 100_000, pipeline);
            Console.WriteLine($"raw XADD  -c {clients} -P {pipeline}: {raw.RequestsPerSecond:0} req/s, p50 {raw.P50Ms:0.000} ms, p99 {raw.P99Ms:0.000} ms   [{raw.Command}]");
        }

        await using var admin = await redis.ConnectAsync();
        await admin.GetDatabase().KeyDeleteAsync("bench:raw");

        var cluster = await StartClusterAsync(redis, pollPeriod);
        try
        {
            var keys = StreamKeysPerQueue();
            // Warm up until the JIT is done with the hot path. A fresh process spends its first minute under load in
            // tiered compilation: methods run instrumented for dynamic PGO (counting probes in calls and branches) until
            // the background tier-1 compiler, itself short of CPU on a saturated 2-core machine, gets to them. Profiled
            // after one full-size warm-up, the "peak" still spent ~35 % of its samples in instrumented code and ~10 % in
            // clrjit, at ~75 core-µs per event; from the third round on, ~25. A silo runs for days; the peak should
            // measure the provider, not the JIT. Each round is followed by an idle second (tier-1 promotion waits for a
            // quiet spell), and each line prints what the JIT did during it: a trickle of rarely called methods (timers,
            // maintenance) keeps reaching their call counts, so the count never reaches zero.
            for (var round = 1; round <= WarmUpRounds; round++)
            {
                await RunOnceAsync(cluster, redis, admin, keys, eventsPerProducer, 0, $"warm-up {round} (unpaced, not counted)");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            var peak = await RunOnceAsync(cluster, redis, admin, keys, eventsPerProducer, 0, "peak (unpaced)");
            var half = peak / 2;
            var paced = (int)Math.Max(1000, half / Queues * 10); // about ten seconds at half the peak rate
            // The paced run takes code paths the unpaced rounds never warmed (timers, Task.Delay, idle polls): measured,
            // its first seconds compiled ~200 methods. Three unmeasured seconds at the same rate first.
            await RunOnceAsync(cluster, redis, admin, keys, paced * 3 / 10, half / Queues, "paced warm-up (not counted)");
            await Task.Delay(TimeSpan.FromSeconds(1));
            await RunOnceAsync(cluster, redis, admin, keys, paced, half / Queues, $"paced at half the peak ({half:0} ev/s)");

            // What the poll period costs when nothing flows: every pulling agent still reads its queue once per period.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var idle = CpuMeter.Start(redis.ProcessId);
            var idleFor = TimeSpan.FromSeconds(5);
            await Task.Delay(idleFor);
            var (processCpu, redisCpu) = idle.Elapsed();
            Console.WriteLine(
                $"idle for {idleFor.TotalSeconds:0} s (no events, pulling agents polling every {pollPeriod.TotalMilliseconds:0} ms): "
                + $"{processCpu / idleFor:P1} of a core in this process, {redisCpu / idleFor:P1} in redis-server");
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static async Task<double> RunOnceAsync(InProcessTestCluster cluster, RedisServer redis, IConnectionMultiplexer admin, string[][] keys, int perProducer, double ratePerProducer, string label)
    {
        var total = perProducer * Queues;
        LatencyRecorder.Delivery.Reset(total);
        LatencyRecorder.Publish.Reset(total);
        var cpu = CpuMeter.Start(redis.ProcessId);
        var rewrites = await RedisInfo.AofRewritesAsync(admin);
        var runtime = RuntimeCounters.Now();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Queues).Select(q =>
            cluster.Client.GetGrain<IBenchProducerGrain>(q).RunAsync(keys[q], perProducer, Lanes, ratePerProducer)));
        var published = Stopwatch.GetElapsedTime(start);
        while (LatencyRecorder.Delivery.Count < total)
        {
            if (Stopwatch.GetElapsedTime(start) > Patience)
            {
                throw new TimeoutException($"{label}: only {LatencyRecorder.Delivery.Count} of {total} events delivered.");
            }

            await Task.Delay(5);
        }

        var delivered = Stopwatch.GetElapsedTime(start);
        var rate = total / delivered.TotalSeconds;
        var p = LatencyRecorder.Delivery.PercentilesMs(50, 99, 100);
        var publish = LatencyRecorder.Publish.PercentilesMs(50, 99);
        var (processUs, redisUs) = cpu.PerEventMicroseconds(total);
        var runtimeDuringRun = RuntimeCounters.Now().DescribeSince(runtime, total);
        Console.WriteLine(
            $"{label}: {total} events in {delivered.TotalSeconds:0.00} s → {rate:0} ev/s end to end (published in {published.TotalSeconds:0.00} s, {total / published.TotalSeconds:0} ev/s); "
            + $"latency p50 {p[0]:0.0} ms, p99 {p[1]:0.0} ms, max {p[2]:0.0} ms (publish await p50 {publish[0]:0.0}, p99 {publish[1]:0.0} ms); deliveries counted {LatencyRecorder.Delivery.Count}; "
            + $"CPU per event: {processUs:0} core-µs in this process, {redisUs:0} in redis-server; "
            + $"{runtimeDuringRun}; "
            + $"redis used_memory {await RedisInfo.UsedMemoryMegabytesAsync(admin):0} MB, AOF rewrites during the run {await RedisInfo.AofRewritesAsync(admin) - rewrites}");
        return rate;
    }

    private static async Task<InProcessTestCluster> StartClusterAsync(RedisServer redis, TimeSpan pollPeriod)
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            silo.AddRedisStreams(
                BenchStreams.Provider,
                o =>
                {
                    o.ConnectionString = redis.ConnectionString;
                    o.QueueCount = Queues;
                    o.MaxStreamLength = MaxStreamLength;
                    o.MaintenanceInterval = MaintenanceInterval;
                },
                provider =>
                {
                    provider.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    provider.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = pollPeriod));
                });
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = Patience));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>For each queue, stream keys that Orleans' hash ring maps to it (the provider uses the same ring).</summary>
    private static string[][] StreamKeysPerQueue()
    {
        var mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = Queues }, BenchStreams.Provider);
        var queues = mapper.GetAllQueues().ToList();
        var buckets = queues.Select(_ => new List<string>()).ToArray();
        for (var j = 0; buckets.Any(b => b.Count < StreamsPerQueue); j++)
        {
            var key = "s" + j.ToString(CultureInfo.InvariantCulture);
            var bucket = buckets[queues.IndexOf(mapper.GetQueueForStream(StreamId.Create(BenchStreams.Namespace, key)))];
            if (bucket.Count < StreamsPerQueue)
            {
                bucket.Add(key);
            }
        }

        return buckets.Select(b => b.ToArray()).ToArray();
    }
}
