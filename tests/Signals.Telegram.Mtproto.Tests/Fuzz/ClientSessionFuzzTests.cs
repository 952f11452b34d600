using System.Net;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Mtproto.Session;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Service;
using Xunit.Abstractions;
using HelpGetConfig = Signals.Telegram.Tl.Help.GetConfig;

namespace Signals.Telegram.Mtproto.Tests.Fuzz;

/// <summary>
/// 100k server messages, valid under the session's real auth key and then mutated (bit flips, truncation, length
/// lies, huge counts, container / rpc_result / gzip nesting), through <see cref="MtprotoSession.Receive"/>. Each must
/// end in events or an <see cref="MtprotoSessionException"/>; nothing else may escape, and no message may make the
/// session allocate memory sized by the attacker. Longer campaign: MTPROTO_FUZZ_ITERATIONS, MTPROTO_FUZZ_SEED.
/// </summary>
public sealed class ClientSessionFuzzTests(ITestOutputHelper output)
{
    private const long SessionId = 0x5E55_1011;
    private const long Salt = 1111;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    [Fact]
    public void Mutated_server_messages_end_in_events_or_a_session_exception()
    {
        var iterations = FuzzSettings.EncryptedIterations;
        var random = new Random(FuzzSettings.Seed);
        var time = new ManualTime(Start);
        var key = ServerSide.NewKey();
        var sealer = new Sealer(key, MessageDirection.ServerToClient);
        var serverIds = new MessageIdGenerator(time, server: true);
        // With a frozen clock every fresh session gives its first request the same msg_id, which the seeds answer.
        var requestId = NewSession(key, time).Pending.MessageId;
        var seeds = Mutator.Corpus(Seeds(requestId), random);
        var outcomes = new Dictionary<string, int>();
        var unexpected = new List<string>();
        long allocated = 0, largest = 0;

        for (var i = 0; i < iterations && unexpected.Count < 5; i++)
        {
            var body = seeds[random.Next(seeds.Count)];
            var mutate = random.Next(8) != 0; // one in eight stays valid: the baseline must still work
            var plain = Sealer.Plaintext(Salt, SessionId, serverIds.Next(), random.Next(2), mutate ? Mutator.Align(Mutator.Mutate(body, random)) : body, random);
            if (mutate && random.Next(5) == 0)
            {
                Sealer.LieInHeader(plain, random);
            }

            var message = sealer.Seal(plain);
            if (mutate && random.Next(20) == 0)
            {
                message[random.Next(message.Length)] ^= (byte)(1 << random.Next(8));
            }

            var (session, _) = NewSession(key, time);
            var before = GC.GetAllocatedBytesForCurrentThread();
            string outcome;
            try
            {
                var events = session.Receive(message);
                outcome = events.Count == 0 ? "no events" : string.Join('+', events.Select(e => e.GetType().Name).Distinct().Order());
            }
            catch (MtprotoSessionException e)
            {
                outcome = "rejected: " + e.Status;
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
        // Seeds are a few KB; honouring one lying count or length (up to int.MaxValue) would cost far more than this.
        output.WriteLine($"{iterations} messages, {allocated / iterations} bytes allocated per message, largest {largest}: {summary}");
        Assert.True(largest < 4 * 1024 * 1024, $"one message made the session allocate {largest} bytes; {summary}");
        Assert.True(allocated / iterations < 128 * 1024, $"{allocated / iterations} bytes per message; {summary}");
        Assert.True(outcomes.GetValueOrDefault(nameof(RequestAnswered)) > 0, summary);
        Assert.True(outcomes.Keys.Count(k => k.StartsWith("rejected", StringComparison.Ordinal)) >= 2, summary);
        Assert.True(outcomes.GetValueOrDefault("no events") > 0, summary);
    }

    private static (MtprotoSession Session, PendingRequest Pending) NewSession(AuthKey key, TimeProvider time)
    {
        var session = new MtprotoSession(key, Salt, time, sessionId: SessionId);
        var pending = session.Enqueue(new HelpGetConfig());
        session.Pack();
        return (session, pending);
    }

    /// <summary>What a server sends a client, every kind the session handles itself, answering request <paramref name="id"/>.</summary>
    private static List<byte[]> Seeds(long id)
    {
        var config = EmulatorConfig.Create(new IPEndPoint(IPAddress.Loopback, 443), 2, Start);
        var answer = RpcResult.For(id, config).ToBytes();
        var error = RpcResult.For(id, new RpcError { ErrorCode = 420, ErrorMessage = "FLOOD_WAIT_7" }).ToBytes();
        var gzipped = new RpcResult { ReqMsgId = id, Result = Mutator.Gzip(config.ToBytes()) }.ToBytes();
        var pong = new Pong { MsgId = id, PingId = 9 }.ToBytes();
        var created = new NewSessionCreated { FirstMsgId = id, UniqueId = 5, ServerSalt = 2222 }.ToBytes();
        var ack = new MsgsAck { MsgIds = [id, id + 4, id + 8] }.ToBytes();
        var update = new UpdateNewMessage { Message = new Message { Id = 48213, PeerId = new PeerChannel { ChannelId = 7 }, MessageValue = "$PEPE 0x6982508145454ce325ddbe47a25d4ec3d2311933" }, Pts = 3, PtsCount = 1 }.ToBytes();
        var seeds = new List<byte[]>
        {
            answer, error, gzipped, pong, created, ack, update,
            new BadServerSalt { BadMsgId = id, BadMsgSeqno = 1, ErrorCode = 48, NewServerSalt = 3333 }.ToBytes(),
            new FutureSalts { ReqMsgId = id, Now = 1_750_000_000, Salts = [new FutureSalt { ValidSince = 1, ValidUntil = 2_000_000_000, Salt = 4444 }, new FutureSalt { ValidSince = 5, ValidUntil = 6, Salt = 5555 }] }.ToBytes(),
            new MsgDetailedInfo { MsgId = id, AnswerMsgId = id + 1, Bytes = 100, Status = 0 }.ToBytes(),
            new MsgContainer
            {
                Messages =
                [
                    new ContainerMessage(id + 1, 1, created),
                    new ContainerMessage(id + 5, 2, ack),
                    new ContainerMessage(id + 9, 3, gzipped),
                    new ContainerMessage(id + 13, 5, update),
                ],
            }.ToBytes(),
            Mutator.Gzip(new MsgContainer { Messages = [new ContainerMessage(id + 1, 1, pong), new ContainerMessage(id + 5, 3, error)] }.ToBytes()),
            Mutator.Gzip(Mutator.Gzip(pong)),
        };
        foreach (var code in new[] { 16, 17, 18, 32, 33, 34, 48, 64, 99 })
        {
            seeds.Add(new BadMsgNotification { BadMsgId = id, BadMsgSeqno = 1, ErrorCode = code }.ToBytes());
        }

        return seeds;
    }
}
