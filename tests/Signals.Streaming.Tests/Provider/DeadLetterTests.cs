using Signals.Streaming.Redis;
using Signals.Streaming.Tests.Grains;
using Signals.Streaming.Tests.Infrastructure;
using Signals.Testing;
using Xunit;

namespace Signals.Streaming.Tests.Provider;

public sealed class DeadLetterTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const int Attempts = 3;

    [Fact]
    public async Task Poison_event_moves_to_the_dead_letters_after_K_deliveries_and_replay_delivers_it()
    {
        var run = "p" + Guid.NewGuid().ToString("N")[..10];
        var poison = $"{run}/poison";
        PoisonSwitch.Poison(poison);
        var cluster = await StreamClusters.StartAsync(redis.Server, run, silos: 1, options => options.MaxDeliveryAttempts = Attempts);
        try
        {
            var deadLetters = RedisDeadLetters.For(cluster.Client.ServiceProvider, TestStreams.Provider);
            await cluster.PublishAsync($"{run}-k", $"{run}/good1").WaitAsync(StreamClusters.Timeout);
            await cluster.PublishAsync($"{run}-k", poison).WaitAsync(StreamClusters.Timeout);
            await cluster.PublishAsync($"{run}-k", $"{run}/good2").WaitAsync(StreamClusters.Timeout);

            await Eventually.HoldsAsync(async () => await deadLetters.CountAsync() == 1, "the poison event dead-lettered");

            var letter = Assert.Single(await deadLetters.ListAsync());
            Assert.Equal(Attempts, letter.Deliveries);
            Assert.Equal("max-deliveries", letter.Reason);
            Assert.Equal(TestStreams.Namespace, letter.StreamNamespace);
            Assert.Equal($"{run}-k", letter.StreamKey);
            Assert.True(DeliveryLog.FailuresOf(poison) >= Attempts);
            Assert.Equal(new HashSet<string>(StringComparer.Ordinal) { $"{run}/good1", $"{run}/good2" }, DeliveryLog.DeliveredIds(run));

            PoisonSwitch.Cure(poison);
            var replayedAs = await deadLetters.ReplayAsync(letter.Id);

            Assert.NotNull(replayedAs);
            Assert.Null(await deadLetters.ReplayAsync(letter.Id));
            await Eventually.HoldsAsync(() => DeliveryLog.DeliveredIds(run).Contains(poison), "the replayed event delivered");
            Assert.Equal(0, await deadLetters.CountAsync());
        }
        finally
        {
            PoisonSwitch.Cure(poison);
            await cluster.DisposeAsync().AsTask().WaitAsync(StreamClusters.Timeout);
        }
    }
}
