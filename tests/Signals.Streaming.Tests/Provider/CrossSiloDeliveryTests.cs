using System.Diagnostics;
using Orleans.TestingHost;
using Signals.Streaming.Redis;
using Signals.Streaming.Tests.Grains;
using Signals.Streaming.Tests.Infrastructure;
using Signals.Testing;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

public sealed class CrossSiloDeliveryTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Events_from_a_producer_on_one_silo_reach_implicit_subscribers_on_another()
    {
        var run = NewRun();
        var cluster = await StreamClusters.StartAsync(redis.Server, run, silos: 2);
        try
        {
            var producer = cluster.Client.GetGrain<IProducerGrain>(run);
            var expected = new HashSet<string>(StringComparer.Ordinal);
            for (var key = 0; key < 16; key++)
            {
                for (var n = 0; n < 5; n++)
                {
                    var id = $"{run}/k{key}/e{n}";
                    await producer.PublishAsync($"{run}-k{key}", new TestEvent(id)).WaitAsync(StreamClusters.Timeout);
                    expected.Add(id);
                }
            }

            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count == expected.Count, "all 80 events delivered");
            Assert.Equal(expected, DeliveryLog.DeliveredIds(run));

            // Now make sure producer and subscriber sit on different silos, and publish once more.
            var consumerSilo = DeliveryLog.SiloOf($"{run}/k0/e0")!;
            var other = cluster.Silos.Single(silo => silo.Name != consumerSilo);
            if (await producer.GetSiloAsync().WaitAsync(StreamClusters.Timeout) != other.Name)
            {
                await cluster.MigrateAsync(producer, other.SiloAddress).WaitAsync(StreamClusters.Timeout);
            }

            Assert.Equal(other.Name, await producer.GetSiloAsync().WaitAsync(StreamClusters.Timeout));
            await producer.PublishAsync($"{run}-k0", new TestEvent($"{run}/k0/cross")).WaitAsync(StreamClusters.Timeout);
            await Eventually.HoldsAsync(() => DeliveryLog.SiloOf($"{run}/k0/cross") is not null, "cross-silo event delivered");
            Assert.Equal(consumerSilo, DeliveryLog.SiloOf($"{run}/k0/cross"));
            Assert.NotEqual(other.Name, consumerSilo);
        }
        finally
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }

    [Fact]
    public async Task Trace_context_of_the_publisher_is_current_in_the_subscriber()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Signals.Streaming.Tests" or StreamTracing.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var run = NewRun();
        var cluster = await StreamClusters.StartAsync(redis.Server, run, silos: 2);
        try
        {
            var producer = cluster.Client.GetGrain<IProducerGrain>(run);
            var traceIds = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var n = 0; n < 6; n++)
            {
                var id = $"{run}/t{n}";
                traceIds[id] = await producer.PublishTracedAsync($"{run}-k{n}", new TestEvent(id)).WaitAsync(StreamClusters.Timeout);
            }

            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count == traceIds.Count, "traced events delivered");

            foreach (var (id, traceId) in traceIds)
            {
                Assert.Equal(traceId, DeliveryLog.TraceOf(id));
            }

            Assert.Equal(traceIds.Count, traceIds.Values.Distinct().Count());
        }
        finally
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }

    private static string NewRun() => "x" + Guid.NewGuid().ToString("N")[..10];
}
