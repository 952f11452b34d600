using Signals.Telegram.Mtproto.Auth;
using Signals.Telegram.Mtproto.Tests.Support;
using Xunit.Abstractions;

namespace Signals.Telegram.Mtproto.Tests.Fuzz;

/// <summary>
/// Plain key-exchange messages, taken from a real exchange and mutated, through <see cref="ServerHandshake.Handle"/>
/// and <see cref="ClientHandshake.Handle"/> at each of the three steps (the earlier steps replayed exactly, thanks to
/// seeded randomness). Each must end in the next step or a <see cref="HandshakeException"/>. The steps cost RSA and
/// 2048-bit DH work, so the count is a four-hundredth of MTPROTO_FUZZ_ITERATIONS (250 per side by default).
/// </summary>
public sealed class HandshakeFuzzTests(ITestOutputHelper output)
{
    private const int ClientSeed = 11;
    private const int ServerSeed = 22;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    private static ClientHandshake NewClient() => new([TestKeys.ServerKey.PublicKey], dcId: 2, new ManualTime(Start), new SeededRandom(ClientSeed));

    private static ServerHandshake NewServer() => new(TestKeys.ServerKey, new ManualTime(Start), new SeededRandom(ServerSeed));

    [Fact]
    public void Mutated_requests_end_in_a_reply_or_a_handshake_exception_on_the_server()
    {
        var (requests, _) = Transcript();
        var outcomes = Campaign(FuzzSettings.Seed + 2, requests, (stage, mutated) =>
        {
            var server = NewServer();
            for (var i = 0; i < stage; i++)
            {
                server.Handle(requests[i]);
            }

            return server.Handle(mutated);
        });

        Assert.True(outcomes.GetValueOrDefault("complete") > 0, Summary(outcomes));
    }

    [Fact]
    public void Mutated_answers_end_in_a_request_or_a_handshake_exception_on_the_client()
    {
        var (_, answers) = Transcript();
        var outcomes = Campaign(FuzzSettings.Seed + 3, answers, (stage, mutated) =>
        {
            var client = NewClient();
            client.Start();
            for (var i = 0; i < stage; i++)
            {
                client.Handle(answers[i]);
            }

            return client.Handle(mutated);
        });

        Assert.True(outcomes.GetValueOrDefault("complete") > 0, Summary(outcomes));
    }

    private Dictionary<string, int> Campaign(int seed, IReadOnlyList<byte[]> messages, Func<int, byte[], HandshakeStep> feed)
    {
        var iterations = FuzzSettings.HandshakeIterations;
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int>();
        var unexpected = new List<string>();
        for (var i = 0; i < iterations && unexpected.Count < 5; i++)
        {
            // Later steps replay expensive ones first; the cheap first step gets 60% of the budget.
            var stage = random.Next(10) switch { < 6 => 0, < 8 => 1, _ => 2 };
            var mutate = random.Next(10) != 0;
            var message = mutate ? Mutator.Mutate(messages[stage], random) : messages[stage];
            string outcome;
            try
            {
                outcome = feed(stage, message).IsComplete ? "complete" : $"step {stage} answered";
            }
            catch (HandshakeException)
            {
                outcome = $"step {stage} refused";
            }
            catch (Exception e)
            {
                unexpected.Add($"step {stage}: {e.GetType().Name}: {e.Message} on {Convert.ToHexString(message.AsSpan(0, Math.Min(message.Length, 64)))}");
                continue;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected));
        output.WriteLine($"{iterations} messages: {Summary(outcomes)}");
        Assert.True(outcomes.Keys.Count(k => k.EndsWith("refused", StringComparison.Ordinal)) == 3, Summary(outcomes));
        return outcomes;
    }

    /// <summary>One seeded exchange: the client's three requests and the server's three answers.</summary>
    private static (List<byte[]> Requests, List<byte[]> Answers) Transcript()
    {
        var client = NewClient();
        var server = NewServer();
        var requests = new List<byte[]> { client.Start() };
        var answers = new List<byte[]>();
        while (true)
        {
            var answer = server.Handle(requests[^1]).Reply!;
            answers.Add(answer);
            var step = client.Handle(answer);
            if (step.IsComplete)
            {
                return (requests, answers);
            }

            requests.Add(step.Reply!);
        }
    }

    private static string Summary(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}"));
}
