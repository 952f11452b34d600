using System.Collections.Concurrent;
using Signals.Streaming.Redis;
using Signals.Streaming.Tests.Infrastructure;
using Signals.Streaming.Tests.Grains;
using Signals.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Signals.Streaming.Tests.Provider;

public sealed class RedisOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = true, AppendFsync = "everysec" });

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Restarting_redis_mid_run_loses_no_event_redis_acknowledged_and_needs_no_cluster_restart()
    {
        var run = "r" + Guid.NewGuid().ToString("N")[..10];
        var cluster = await StreamClusters.StartAsync(_redis, run, silos: 2);
        var accepted = new ConcurrentBag<string>();
        var rejected = 0;
        var acceptedAfterRestart = 0;
        var restarted = false;
        try
        {
            var publisher = Task.Run(async () =>
            {
                for (var n = 0; n < 300; n++)
                {
                    var id = $"{run}/e{n}";
                    try
                    {
                        await cluster.PublishAsync($"{run}-k{n % 8}", id).WaitAsync(StreamClusters.Timeout);
                        accepted.Add(id);
                        if (Volatile.Read(ref restarted))
                        {
                            Interlocked.Increment(ref acceptedAfterRestart);
                        }
                    }
                    catch (RedisStreamUnavailableException)
                    {
                        // Not enqueued, and the producer was told so: it is not owed a delivery.
                        Interlocked.Increment(ref rejected);
                    }

                    await Task.Delay(10);
                }
            });

            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count >= 50, "events flowing before the restart");
            await _redis.RestartAsync().WaitAsync(StreamClusters.Timeout);
            Volatile.Write(ref restarted, true);
            await publisher.WaitAsync(TimeSpan.FromMinutes(2));

            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).IsSupersetOf(accepted), "every accepted event delivered");
            Assert.True(acceptedAfterRestart > 0, "publishing resumed after the restart");
            output.WriteLine($"accepted {accepted.Count}, rejected {rejected}, delivered {DeliveryLog.DeliveredIds(run).Count}, duplicates {DeliveryLog.Duplicates(run)}");
        }
        finally
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }

    [Fact]
    public async Task Publishing_while_redis_is_down_fails_with_a_typed_exception()
    {
        var run = "d" + Guid.NewGuid().ToString("N")[..10];
        var cluster = await StreamClusters.StartAsync(_redis, run, silos: 1);
        try
        {
            await cluster.PublishAsync($"{run}-k", $"{run}/before").WaitAsync(StreamClusters.Timeout);
            await _redis.StopAsync();

            await Assert.ThrowsAsync<RedisStreamUnavailableException>(() => cluster.PublishAsync($"{run}-k", $"{run}/during").WaitAsync(StreamClusters.Timeout));

            await _redis.RestartAsync();
            await cluster.PublishAsync($"{run}-k", $"{run}/after").WaitAsync(StreamClusters.Timeout);
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Count == 2, "events before and after the outage delivered");
            Assert.Equal(new HashSet<string>(StringComparer.Ordinal) { $"{run}/before", $"{run}/after" }, DeliveryLog.DeliveredIds(run));
        }
        finally
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }
}
