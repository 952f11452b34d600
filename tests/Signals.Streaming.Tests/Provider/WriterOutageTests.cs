using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Signals.Streaming.Redis;
using Signals.Testing;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

/// <summary>A queue's group-commit writer when Redis dies under it: publishers queued behind a failed XADD.</summary>
public sealed class WriterOutageTests
{
    [Fact]
    public async Task Publishes_waiting_behind_an_entry_that_found_redis_unreachable_fail_with_it()
    {
        await using var server = await RedisServer.StartAsync();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var options = new RedisStreamOptions { ConnectionString = server.ConnectionString };
        await using var connection = new RedisStreamConnection(options, services);
        await connection.GetAsync();
        await server.KillAsync();

        // One batch per entry: without sharing the outcome, each waiting publish would make its own attempt.
        var writer = new RedisQueueWriter("outage", "outage:q0", connection, maxBatchesPerEntry: 1);
        var streamId = StreamId.Create("outage-ns", "outage-key");
        var published = Enumerable.Range(0, 5).Select(n => writer.AppendAsync(new QueuedBatch(streamId, [(byte)n]))).ToList();

        await Assert.ThrowsAsync<RedisStreamUnavailableException>(() => published[0].WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.All(published.Skip(1), publish => Assert.IsType<RedisStreamUnavailableException>(publish.Exception?.InnerException));
    }
}
