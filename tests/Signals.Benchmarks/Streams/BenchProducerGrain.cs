using System.Diagnostics;
using Orleans.Runtime;

namespace Signals.Benchmarks.Streams;

/// <summary>One producer per queue: its stream keys all map to that queue.</summary>
public sealed class BenchProducerGrain : Grain, IBenchProducerGrain
{
    private static readonly byte[] Payload = CreatePayload();

    public async Task RunAsync(string[] streamKeys, int count, int lanes, double ratePerSecond)
    {
        var provider = this.GetStreamProvider(BenchStreams.Provider);
        var streams = streamKeys.Select(k => provider.GetStream<BenchEvent>(StreamId.Create(BenchStreams.Namespace, k))).ToArray();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(LaneAsync));

        async Task LaneAsync(int lane)
        {
            for (var n = lane; n < count; n += lanes)
            {
                if (ratePerSecond > 0)
                {
                    // Open-loop pacing: event n is due at n / rate after the start, whatever happened to earlier ones.
                    var due = TimeSpan.FromSeconds(n / ratePerSecond) - Stopwatch.GetElapsedTime(start);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }
                }

                var publishedAt = Stopwatch.GetTimestamp();
                await streams[n % streams.Length].OnNextAsync(new BenchEvent(publishedAt, Payload));
                LatencyRecorder.Publish.Record(Stopwatch.GetTimestamp() - publishedAt);
            }
        }
    }

    private static byte[] CreatePayload()
    {
        var payload = new byte[1024];
        new Random(1).NextBytes(payload);
        return payload;
    }
}
