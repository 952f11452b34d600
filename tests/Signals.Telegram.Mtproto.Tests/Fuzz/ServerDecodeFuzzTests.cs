using System.Net;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Mtproto.Session;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;
using Xunit.Abstractions;
using HelpGetConfig = Signals.Telegram.Tl.Help.GetConfig;
using HelpGetNearestDc = Signals.Telegram.Tl.Help.GetNearestDc;

namespace Signals.Telegram.Mtproto.Tests.Fuzz;

/// <summary>
/// 100k client messages, valid under a registered auth key and then mutated, through the emulator's per-connection
/// decoder (<see cref="ConnectionProtocol.HandleEncrypted"/>, no socket involved). Each must end in a verdict or a
/// <see cref="TlReadException"/> (which closes that connection); nothing else may escape, and no message may make the
/// server allocate memory sized by the attacker. Longer campaign: MTPROTO_FUZZ_ITERATIONS, MTPROTO_FUZZ_SEED.
/// </summary>
public sealed class ServerDecodeFuzzTests(ITestOutputHelper output)
{
    private const long Salt = 7777;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    [Fact]
    public async Task Mutated_client_messages_end_in_a_verdict_or_a_read_error()
    {
        var iterations = FuzzSettings.EncryptedIterations;
        var random = new Random(FuzzSettings.Seed + 1);
        var time = new ManualTime(Start);
        var world = new TelegramWorld(time: time);
        // Started only so RPCs have a dispatcher (it names the listening endpoint in config); no client connects.
        await using var server = new MtprotoServer(world, TestKeys.ServerKey);
        server.Start(new IPEndPoint(IPAddress.Loopback, 0));
        var keyBytes = RandomNumberGenerator.GetBytes(AuthKey.Size);
        world.RegisterAuthKey(keyBytes);
        var key = new AuthKey(keyBytes);
        var sealer = new Sealer(key, MessageDirection.ClientToServer);
        var clientIds = new MessageIdGenerator(time);
        var corpus = Mutator.Corpus(Seeds(), random);
        var outcomes = new Dictionary<string, int>();
        var unexpected = new List<string>();
        long allocated = 0, largest = 0;
        ServerKeyState? keyState = null;
        ConnectionProtocol? protocol = null;

        for (var i = 0; i < iterations && unexpected.Count < 5; i++)
        {
            if (i % 1000 == 0)
            {
                // A fresh key state and connection now and then, so sessions made up by mutations do not pile up.
                keyState = new ServerKeyState(key, Salt);
                protocol = new ConnectionProtocol(server, i);
            }

            var body = corpus[random.Next(corpus.Count)];
            var mutate = random.Next(8) != 0;
            var sessionId = random.Next(4);
            var plain = Sealer.Plaintext(Salt, sessionId, clientIds.Next(), random.Next(2), mutate ? Mutator.Align(Mutator.Mutate(body, random)) : body, random);
            if (mutate && random.Next(5) == 0)
            {
                Sealer.LieInHeader(plain, random);
            }

            var message = sealer.Seal(plain);
            if (mutate && random.Next(20) == 0)
            {
                message[random.Next(message.Length)] ^= (byte)(1 << random.Next(8));
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            string outcome;
            try
            {
                var result = protocol!.HandleEncrypted(keyState!, message);
                outcome = result.Verdict + (result.Reply is null ? "" : " with reply");
            }
            catch (TlReadException)
            {
                outcome = "closed: unreadable container";
            }
            catch (Exception e)
            {
                unexpected.Add($"{e.GetType().Name}: {e.Message} on {Convert.ToHexString(plain.AsSpan(0, Math.Min(plain.Length, 96)))}");
                continue;
            }

            var cost = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated += cost;
            largest = Math.Max(largest, cost);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected));
        var summary = string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key}: {o.Value}"));
        output.WriteLine($"{iterations} messages, {allocated / iterations} bytes allocated per message, largest {largest}: {summary}");
        Assert.True(largest < 4 * 1024 * 1024, $"one message made the server allocate {largest} bytes; {summary}");
        Assert.True(allocated / iterations < 128 * 1024, $"{allocated / iterations} bytes per message; {summary}");
        Assert.True(outcomes.GetValueOrDefault("Continue with reply") > 0, summary);
        Assert.True(outcomes.GetValueOrDefault(nameof(EncryptedVerdict.TransportErrorAndClose)) > 0, summary);
        Assert.True(outcomes.GetValueOrDefault("closed: unreadable container") > 0, summary);
        Assert.Equal(0, world.Counters.AuthKeyDuplicated);
    }

    /// <summary>What a client sends: pings, salts, acks, its first call in the layer wrappers, and containers of them.</summary>
    private static List<byte[]> Seeds()
    {
        var init = new InvokeWithLayer
        {
            Layer = TlLayer.Current,
            Query = new InitConnection
            {
                ApiId = 1, DeviceModel = "fuzz", SystemVersion = "1", AppVersion = "1", SystemLangCode = "en", LangPack = "", LangCode = "en",
                Query = new HelpGetConfig(),
            },
        }.ToBytes();
        var ping = new Ping { PingId = 1 }.ToBytes();
        var ack = new MsgsAck { MsgIds = [5, 9, 13] }.ToBytes();
        return
        [
            init, ping, ack,
            new PingDelayDisconnect { PingId = 2, DisconnectDelay = 75 }.ToBytes(),
            new GetFutureSalts { Num = 3 }.ToBytes(),
            new HelpGetConfig().ToBytes(),
            new HelpGetNearestDc().ToBytes(),
            Mutator.Gzip(init),
            new MsgContainer { Messages = [new ContainerMessage(4, 1, ping), new ContainerMessage(8, 3, init), new ContainerMessage(12, 4, ack)] }.ToBytes(),
        ];
    }
}
