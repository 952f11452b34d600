using System.Collections.Concurrent;
using System.Diagnostics;
using Signals.Cluster.Tests.Support;
using Signals.Testing;
using Signals.Testing.Cluster;

namespace Signals.Cluster.Tests;

[Collection(RedisCollection.Name)]
public sealed class TracingTests(RedisFixture redis)
{
    [Fact]
    public async Task One_trace_follows_a_post_from_the_reader_through_the_stream_and_the_token_to_the_sent_alert()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Signals", StringComparison.Ordinal) || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var cluster = await SignalsTestCluster.StartAsync(redis.Server, silos: 2);
        var setup = await cluster.SeedAsync(channels: 3);
        var address = TestAddresses.Solana(61);
        foreach (var channel in setup.ChannelIds)
        {
            cluster.World.Post(channel, Calls.Call(address));
        }

        await Eventually.TrueAsync(() => spans.Any(s => s.DisplayName == "session.send"), "the alert was sent");

        // Parents stop after their children: wait until the spans of the send's trace are all recorded.
        var expected = new[] { "session.send", "delivery.send", "token.signal", "reader.post" };
        await Eventually.TrueAsync(
            () =>
            {
                var trace = spans.First(s => s.DisplayName == "session.send").TraceId;
                var names = spans.Where(s => s.TraceId == trace).Select(s => s.DisplayName).ToHashSet();
                return expected.All(names.Contains);
            },
            "the send's trace holds the reader's post, the token's signal and the delivery");
    }
}
