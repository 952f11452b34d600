using System.Diagnostics;
using System.Globalization;
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
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <param name="eventsPerProducer">Events each producer publishes in the peak run.</param>
    /// <param name="pollPeriod">The pulling agent's GetQueueMsgsTimerPeriod (Orleans' default is 100 ms).</param>
    public static async Task RunAsync(int eventsPerProducer, TimeSpan pollPeriod)
    {
        await using var redis = await RedisServer.StartAsync();
        Console.WriteLine($"redis-server {redis.ConnectionString} (appendonly yes, appendfsync everysec)");
        foreach (var (clients, pipeline) in new[] { (50, 1), (16, 1), (1, 1) })
        {
            var raw = await RedisBenchmarkTool.XaddAsync(redis.Port, clients, 100_000, pipeline);
            Console.WriteLine($"raw XADD  -c {clients} -P {pipeline}: {raw.RequestsPerSecond:0} req/s, p50 {raw.P50Ms:0.000} ms, p99 {raw.P99Ms:0.000} ms   [{raw.Command}]");
        }

        await using (var connection = await redis.ConnectAsync())
        {
            await connection.GetDatabase().KeyDeleteAsync("bench:raw");
        }

        var cluster = await StartClusterAsync(redis, pollPeriod);
        try
        {
            var keys = StreamKeysPerQueue();
            // A full-size warm-up: a fresh process spends its first tens of seconds under load in the JIT (tiering and
            // dynamic PGO), which a 1,600-event warm-up left inside the measured peak (measured: ~15 % of the CPU in
            // clrjit during the peak). A silo runs for days; the peak should measure the provider, not the JIT.
            await RunOnceAsync(cluster, redis.ProcessId, keys, eventsPerProducer, 0, "warm-up (unpaced, not counted)");
            var peak = await RunOnceAsync(cluster, redis.ProcessId, keys, eventsPerProducer, 0, "peak (unpaced)");
            var half = peak / 2;
            var paced = (int)Math.Max(1000, half / Queues * 10); // about ten seconds at half the peak rate
            await RunOnceAsync(cluster, redis.ProcessId, keys, paced, half / Queues, $"paced at half the peak ({half:0} ev/s)");
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static async Task<double> RunOnceAsync(InProcessTestCluster cluster, int? redisPid, string[][] keys, int perProducer, double ratePerProducer, string label)
    {
        var total = perProducer * Queues;
        LatencyRecorder.Reset(total);
        var cpu = CpuMeter.Start(redisPid);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Queues).Select(q =>
            cluster.Client.GetGrain<IBenchProducerGrain>(q).RunAsync(keys[q], perProducer, Lanes, ratePerProducer)));
        var published = Stopwatch.GetElapsedTime(start);
        while (LatencyRecorder.Count < total)
        {
            if (Stopwatch.GetElapsedTime(start) > Patience)
            {
                throw new TimeoutException($"{label}: only {LatencyRecorder.Count} of {total} events delivered.");
            }

            await Task.Delay(5);
        }

        var delivered = Stopwatch.GetElapsedTime(start);
        var rate = total / delivered.TotalSeconds;
        var p = LatencyRecorder.PercentilesMs(50, 99, 100);
        var (processUs, redisUs) = cpu.PerEventMicroseconds(total);
        Console.WriteLine(
            $"{label}: {total} events in {delivered.TotalSeconds:0.00} s → {rate:0} ev/s end to end (published in {published.TotalSeconds:0.00} s, {total / published.TotalSeconds:0} ev/s); "
            + $"latency p50 {p[0]:0.0} ms, p99 {p[1]:0.0} ms, max {p[2]:0.0} ms; deliveries counted {LatencyRecorder.Count}; "
            + $"CPU per event: {processUs:0} core-µs in this process, {redisUs:0} in redis-server");
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
