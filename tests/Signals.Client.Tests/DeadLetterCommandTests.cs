using Signals.Testing;
using System.Text.Json;
using Signals.Client.Infrastructure;
using Signals.Client.Tests.Support;
using Signals.Client.Tests.Support.DeadLetters;
using Signals.Tokens;
using Xunit.Abstractions;

namespace Signals.Client.Tests;

/// <summary>
/// <c>signals deadletters</c> against a real cluster on the Redis stream provider: a signal event the token grain cannot
/// take (its stored state is unreadable) is set aside after K deliveries, listed, and delivered once replayed.
/// </summary>
public sealed class DeadLetterCommandTests(DeadLetterCommandTests.DurableCluster fixture, ITestOutputHelper output)
    : IClassFixture<DeadLetterCommandTests.DurableCluster>
{
    [Fact]
    public async Task Poison_signal_is_listed_as_a_dead_letter_and_replay_delivers_it_to_its_token()
    {
        var cluster = fixture.Cluster;
        var healthy = "solana:" + TestAddresses.Solana(601);
        var poisoned = "solana:" + TestAddresses.Solana(602);
        var empty = await cluster.RunAsync("deadletters", "list", "--json");
        CliClusterFixture.AssertOk(empty);
        Assert.Empty(JsonDocument.Parse(empty.StdOut).RootElement.EnumerateArray());

        // A token whose stored state is unreadable (a key of the wrong type where its state belongs) fails every
        // activation, so every delivery of its signal fails: a poison event for the stream.
        var stateKey = TokenStateKey(cluster, poisoned);
        await using var redis = await cluster.Redis.ConnectAsync();
        await redis.GetDatabase().StreamAddAsync(stateKey, "corrupt", "yes");
        await cluster.PublishMentionAsync(poisoned, "dl_calls", 1);
        await cluster.PublishMentionAsync(healthy, "dl_calls", 2);

        var listed = await Eventually.MatchAsync(
            () => cluster.RunAsync("deadletters", "list", "--json"),
            run => run.ExitCode == ExitCodes.Ok && JsonDocument.Parse(run.StdOut).RootElement.GetArrayLength() == 1,
            "the poison signal is dead-lettered");
        var letter = JsonDocument.Parse(listed.StdOut).RootElement[0];
        Assert.Equal(poisoned, letter.GetProperty("streamKey").GetString());
        Assert.Equal("signals", letter.GetProperty("streamNamespace").GetString());
        Assert.Equal("max-deliveries", letter.GetProperty("reason").GetString());
        Assert.Equal(DeadLetterClusterSettings.MaxDeliveryAttempts, letter.GetProperty("deliveries").GetInt64());
        Assert.Equal(1, (await cluster.Cluster.Client.GetGrain<ITokenGrain>(healthy).GetDetailsAsync()).EventsSeen);

        var table = await cluster.RunAsync("deadletters", "list");
        CliClusterFixture.AssertOk(table);
        Assert.Contains(letter.GetProperty("id").GetString()!, table.StdOut, StringComparison.Ordinal);
        Assert.Contains("1 of 1 dead letter(s)", table.StdOut, StringComparison.Ordinal);

        await redis.GetDatabase().KeyDeleteAsync(stateKey);
        var replay = await cluster.RunAsync("deadletters", "replay", letter.GetProperty("id").GetString()!, "--json");
        CliClusterFixture.AssertOk(replay);
        var replayed = JsonDocument.Parse(replay.StdOut).RootElement;
        Assert.Equal(1, replayed.GetProperty("replayed").GetInt32());
        Assert.Equal(letter.GetProperty("id").GetString(), replayed.GetProperty("deadLetterId").GetString());
        Assert.False(string.IsNullOrEmpty(replayed.GetProperty("queueEntryId").GetString()));

        var details = await Eventually.MatchAsync(
            () => cluster.Cluster.Client.GetGrain<ITokenGrain>(poisoned).GetDetailsAsync(),
            d => d.EventsSeen == 1,
            "the replayed signal reaches its token");
        Assert.Equal("dl_calls", Assert.Single(details.Mentions).Channel);
        var after = await cluster.RunAsync("deadletters", "list", "--json");
        CliClusterFixture.AssertOk(after);
        Assert.Empty(JsonDocument.Parse(after.StdOut).RootElement.EnumerateArray());
        output.WriteLine($"dead letter {letter.GetProperty("id").GetString()} after {letter.GetProperty("deliveries").GetInt64()} deliveries, replayed as {replayed.GetProperty("queueEntryId").GetString()}");
    }

    [Fact]
    public async Task Replaying_an_unknown_dead_letter_fails_with_exit_code_1_naming_it()
    {
        var run = await fixture.Cluster.RunAsync("deadletters", "replay", "1-0");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("error: No dead letter '1-0' (see 'signals deadletters list').", run.StdErr.TrimEnd());
    }

    /// <summary>
    /// Where Microsoft.Orleans.Persistence.Redis keeps a grain's state: <c>{ServiceId}/state/{grainId}/{stateName}</c>
    /// (the layout recorded in FIELD-NOTES.md); the token grain's type is <c>token</c>, its state <c>token</c>.
    /// </summary>
    private static string TokenStateKey(DeadLetterCluster cluster, string tokenKey) =>
        $"{cluster.Cluster.Options.ServiceId}/state/token/{tokenKey}/token";

    /// <summary>One durable cluster for the class.</summary>
    public sealed class DurableCluster : IAsyncLifetime
    {
        private DeadLetterCluster? _cluster;

        public DeadLetterCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

        public async Task InitializeAsync() => _cluster = await DeadLetterCluster.StartAsync(durable: true);

        public async Task DisposeAsync()
        {
            if (_cluster is not null)
            {
                await _cluster.DisposeAsync();
            }
        }
    }
}
