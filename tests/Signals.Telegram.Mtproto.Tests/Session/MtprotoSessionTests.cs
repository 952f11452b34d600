using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Session;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Service;
using HelpGetConfig = Signals.Telegram.Tl.Help.GetConfig;

namespace Signals.Telegram.Mtproto.Tests.Session;

public sealed class MtprotoSessionTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);
    private readonly ManualTime _time = new(Start);
    private readonly AuthKey _key = ServerSide.NewKey();
    private readonly MtprotoSession _session;
    private readonly ServerSide _server;

    public MtprotoSessionTests()
    {
        _session = new MtprotoSession(_key, salt: 1111, _time);
        _server = new ServerSide(_key, _session.SessionId, _time);
    }

    [Fact]
    public void A_single_request_goes_out_alone_with_salt_session_and_an_odd_seqno()
    {
        var ping = _session.Enqueue(new Ping { PingId = 7 });

        var (header, messages) = _server.Read(_session.Pack()!);

        Assert.Equal(1111, header.Salt);
        Assert.Equal(_session.SessionId, header.SessionId);
        Assert.Equal(ping.MessageId, header.MessageId);
        Assert.Equal(0, header.MessageId % 4);
        Assert.Equal(Start.ToUnixTimeSeconds(), MessageIdGenerator.SecondsOf(header.MessageId));
        Assert.Equal(1, header.SeqNo);
        Assert.IsType<Ping>(TlRegistry.ReadObject(Assert.Single(messages).Body));
        Assert.Null(_session.Pack());
    }

    [Fact]
    public void Several_requests_travel_in_a_container_whose_id_follows_theirs()
    {
        _session.Enqueue(new Ping { PingId = 1 });
        _session.Enqueue(new HelpGetConfig());

        var (header, messages) = _server.Read(_session.Pack()!);

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.True(m.MsgId < header.MessageId));
        Assert.True(messages[0].MsgId < messages[1].MsgId);
        Assert.Equal([1, 3], messages.Select(m => m.Seqno));
        Assert.Equal(4, header.SeqNo);
    }

    [Fact]
    public void Rpc_result_answers_its_request_and_is_acknowledged_next_time()
    {
        var request = _session.Enqueue(new HelpGetConfig());
        _server.Read(_session.Pack()!);
        var serverId = _server.NextId();

        var events = _session.Receive(_server.Send(RpcResult.For(request.MessageId, new Config { ThisDc = 2 }), messageId: serverId));

        var answered = Assert.IsType<RequestAnswered>(Assert.Single(events));
        Assert.Same(request, answered.Request);
        Assert.Equal(2, answered.Result.ReadResult(new HelpGetConfig()).ThisDc);
        var (_, acks) = _server.Read(_session.Pack()!);
        var ack = Assert.IsType<MsgsAck>(TlRegistry.ReadObject(Assert.Single(acks).Body));
        Assert.Equal([serverId], ack.MsgIds);
        Assert.Equal(0, _session.UnansweredCount);
    }

    [Fact]
    public void Bad_server_salt_switches_salt_and_resends_under_a_new_id()
    {
        var request = _session.Enqueue(new HelpGetConfig());
        var (first, _) = _server.Read(_session.Pack()!);

        var events = _session.Receive(_server.Send(
            new BadServerSalt { BadMsgId = first.MessageId, BadMsgSeqno = first.SeqNo, ErrorCode = 48, NewServerSalt = 2222 }, contentRelated: false));

        Assert.Empty(events);
        Assert.Equal(2222, _session.Salt);
        var (second, messages) = _server.Read(_session.Pack()!);
        Assert.Equal(2222, second.Salt);
        Assert.Contains(messages, m => m.MsgId == request.MessageId && TlRegistry.ReadObject(m.Body) is HelpGetConfig);
        Assert.True(request.MessageId > first.MessageId);
        Assert.Equal(2, request.SendCount);
    }

    [Fact]
    public void Bad_salt_for_a_container_resends_everything_in_it()
    {
        var a = _session.Enqueue(new Ping { PingId = 1 });
        var b = _session.Enqueue(new Ping { PingId = 2 });
        var (container, _) = _server.Read(_session.Pack()!);

        _session.Receive(_server.Send(new BadServerSalt { BadMsgId = container.MessageId, ErrorCode = 48, NewServerSalt = 5 }, contentRelated: false));

        var (_, resent) = _server.Read(_session.Pack()!);
        Assert.Equal(new[] { a.MessageId, b.MessageId }, resent.Select(m => m.MsgId));
    }

    [Fact]
    public void Clock_skew_notification_moves_our_clock_to_the_server_time_and_resends()
    {
        var request = _session.Enqueue(new HelpGetConfig());
        var (first, _) = _server.Read(_session.Pack()!);
        _time.Advance(TimeSpan.FromSeconds(1)); // the server's clock reads one hour later than ours
        var serverNow = new MessageIdGenerator(new ManualTime(Start.AddHours(1)), server: true).Next();

        _session.Receive(_server.Send(new BadMsgNotification { BadMsgId = first.MessageId, ErrorCode = 16 }, contentRelated: false, messageId: serverNow));

        Assert.Equal(3600 - 1, _session.MessageIds.TimeOffsetSeconds);
        _server.Read(_session.Pack()!);
        Assert.Equal(MessageIdGenerator.SecondsOf(serverNow), MessageIdGenerator.SecondsOf(request.MessageId));
    }

    [Fact]
    public void Seqno_too_low_jumps_the_sequence_and_resends()
    {
        _session.Enqueue(new Ping { PingId = 1 });
        var (first, _) = _server.Read(_session.Pack()!);

        _session.Receive(_server.Send(new BadMsgNotification { BadMsgId = first.MessageId, ErrorCode = 32 }, contentRelated: false));

        var (second, _) = _server.Read(_session.Pack()!);
        Assert.True(second.SeqNo > 64);
        Assert.Equal(1, second.SeqNo % 2);
    }

    [Fact]
    public void A_bad_msg_code_that_resending_cannot_cure_rejects_the_request()
    {
        var request = _session.Enqueue(new Ping { PingId = 1 });
        var (first, _) = _server.Read(_session.Pack()!);

        var events = _session.Receive(_server.Send(new BadMsgNotification { BadMsgId = first.MessageId, ErrorCode = 99 }, contentRelated: false));

        var rejected = Assert.IsType<RequestRejected>(Assert.Single(events));
        Assert.Same(request, rejected.Request);
        Assert.Equal(99, rejected.ErrorCode);
        Assert.Null(_session.Pack());
    }

    [Fact]
    public void A_request_refused_again_and_again_is_given_up()
    {
        var request = _session.Enqueue(new Ping { PingId = 1 });
        IReadOnlyList<SessionEvent> events = [];
        for (var i = 0; i < 10 && events.Count == 0; i++)
        {
            var (sent, _) = _server.Read(_session.Pack()!);
            events = _session.Receive(_server.Send(new BadMsgNotification { BadMsgId = sent.MessageId, ErrorCode = 20 }, contentRelated: false));
        }

        Assert.Same(request, Assert.IsType<RequestRejected>(Assert.Single(events)).Request);
    }

    [Fact]
    public void Pong_answers_the_ping_it_names()
    {
        var ping = _session.Enqueue(new Ping { PingId = 42 });
        _server.Read(_session.Pack()!);

        var events = _session.Receive(_server.Send(new Pong { MsgId = ping.MessageId, PingId = 42 }, contentRelated: false));

        var answered = Assert.IsType<RequestAnswered>(Assert.Single(events));
        Assert.Equal(42, answered.Result.ReadResult(new Ping()).PingId);
    }

    [Fact]
    public void Container_with_gzip_result_and_unknown_constructor_still_delivers_the_readable_parts()
    {
        var request = _session.Enqueue(new HelpGetConfig());
        _server.Read(_session.Pack()!);
        var gzipped = new RpcResult { ReqMsgId = request.MessageId, Result = GzipPacked.Pack(new Config { ThisDc = 4 }).ToBytes() };
        var container = new MsgContainer
        {
            Messages =
            [
                new ContainerMessage(_server.NextId(), 1, [0xEF, 0xBE, 0xAD, 0xDE, 0, 0, 0, 0]),
                new ContainerMessage(_server.NextId(), 3, gzipped.ToBytes()),
            ],
        };

        var events = _session.Receive(_server.Send(container, contentRelated: false));

        var answered = Assert.IsType<RequestAnswered>(Assert.Single(events));
        Assert.Equal(4, answered.Result.ReadResult(new HelpGetConfig()).ThisDc);
        var (_, acks) = _server.Read(_session.Pack()!);
        Assert.Equal(2, Assert.IsType<MsgsAck>(TlRegistry.ReadObject(Assert.Single(acks).Body)).MsgIds.Count);
    }

    [Fact]
    public void New_session_created_takes_the_salt_and_is_reported()
    {
        var events = _session.Receive(_server.Send(new NewSessionCreated { FirstMsgId = 100, UniqueId = 1, ServerSalt = 3333 }));

        Assert.Equal(100, Assert.IsType<NewSessionStarted>(Assert.Single(events)).FirstMessageId);
        Assert.Equal(3333, _session.Salt);
    }

    [Fact]
    public void Updates_nobody_asked_for_are_passed_on_and_duplicates_dropped()
    {
        var id = _server.NextId();
        var update = new UpdatesTooLong();

        var first = _session.Receive(_server.Send(update, messageId: id));
        var repeat = _session.Receive(_server.Send(update, messageId: id));

        Assert.IsType<UpdatesTooLong>(Assert.IsType<UnsolicitedMessage>(Assert.Single(first)).Message);
        Assert.Empty(repeat);
    }

    [Fact]
    public void Future_salts_answer_their_request_and_take_over_when_valid()
    {
        var request = _session.Enqueue(new GetFutureSalts { Num = 2 });
        _server.Read(_session.Pack()!);
        var now = (int)Start.ToUnixTimeSeconds();
        var salts = new FutureSalts
        {
            ReqMsgId = request.MessageId,
            Now = now,
            Salts = [new FutureSalt { ValidSince = now + 60, ValidUntil = now + 120, Salt = 777 }],
        };

        var events = _session.Receive(_server.Send(salts, contentRelated: false));
        Assert.Same(request, Assert.IsType<RequestAnswered>(Assert.Single(events)).Request);

        _time.Advance(TimeSpan.FromSeconds(90));
        _session.Enqueue(new Ping { PingId = 1 });
        var (header, _) = _server.Read(_session.Pack()!);
        Assert.Equal(777, header.Salt);
    }

    [Fact]
    public void Unanswered_requests_are_requeued_after_a_reconnect()
    {
        var request = _session.Enqueue(new HelpGetConfig());
        var firstId = _server.Read(_session.Pack()!).Header.MessageId;

        _session.RequeueUnanswered();

        var (_, messages) = _server.Read(_session.Pack()!);
        Assert.Equal(request.MessageId, Assert.Single(messages).MsgId);
        Assert.NotEqual(firstId, request.MessageId);
    }

    [Fact]
    public void Tampered_foreign_or_even_id_messages_are_refused()
    {
        var message = _server.Send(new Pong());
        message[^1] ^= 1;
        Assert.Throws<MtprotoSessionException>(() => _session.Receive(message));

        var foreign = new ServerSide(_key, _session.SessionId + 1, _time).Send(new Pong());
        Assert.Throws<MtprotoSessionException>(() => _session.Receive(foreign));

        var even = _server.Send(new Pong(), messageId: 0x1000_0000_0000_0004);
        Assert.Throws<MtprotoSessionException>(() => _session.Receive(even));

        Assert.Throws<MtprotoSessionException>(() => _session.Receive([1, 2, 3]));
    }

    [Fact]
    public void Message_ids_increase_even_when_the_clock_stands_still()
    {
        var client = new MessageIdGenerator(_time);
        var server = new MessageIdGenerator(_time, server: true);
        long lastClient = 0, lastServer = 0;
        for (var i = 0; i < 1000; i++)
        {
            var c = client.Next();
            var s = server.Next();
            Assert.True(c > lastClient && c % 4 == 0);
            Assert.True(s > lastServer && s % 4 == 1);
            (lastClient, lastServer) = (c, s);
        }
    }
}
