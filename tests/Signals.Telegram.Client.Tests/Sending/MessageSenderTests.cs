using Microsoft.Extensions.Time.Testing;
using Signals.Telegram.Client.Sending;
using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Messages;

namespace Signals.Telegram.Client.Tests.Sending;

public sealed class MessageSenderTests
{
    private static readonly TelegramPeer Group = new(PeerKind.Channel, 1001, 55, "alerts", "Alerts");

    [Fact]
    public async Task The_message_id_is_the_one_updateMessageID_pairs_with_our_random_id_and_the_answer_feeds_the_updates()
    {
        var posted = new List<UpdatesBase>();
        var invoker = new ScriptedInvoker(call => new UpdatesFull
        {
            Date = TlBuild.Date,
            Updates =
            [
                new UpdateMessageID { Id = 41, RandomId = 7 },
                new UpdateMessageID { Id = 42, RandomId = 777 },
                new UpdateNewChannelMessage { Message = TlBuild.Post(1001, 42, "x"), Pts = 5, PtsCount = 1 },
            ],
        });
        var sender = new MessageSender(invoker, new FakeTimeProvider(), posted.Add);

        var sent = await sender.SendAsync(Group, "<b>BUY</b> <a href=\"https://dex.example/t\">chart</a>", 777, CancellationToken.None);

        Assert.Equal(new SentMessage(1001, 42, DateTimeOffset.FromUnixTimeSeconds(TlBuild.Date + 42), false), sent);
        var request = Assert.IsType<SendMessage>(Assert.Single(invoker.Calls));
        Assert.Equal(("BUY chart", 777L), (request.Message, request.RandomId));
        Assert.IsType<InputPeerChannel>(request.Peer);
        Assert.Equal(2, request.Entities!.Count);
        Assert.Single(posted);
    }

    [Fact]
    public async Task A_repeated_random_id_is_reported_as_already_sent()
    {
        var sender = new MessageSender(new ScriptedInvoker(_ => throw new RpcErrorException(400, "RANDOM_ID_DUPLICATE")), new FakeTimeProvider(), _ => { });

        var sent = await sender.SendAsync(Group, "again", 777, CancellationToken.None);

        Assert.True(sent.WasDuplicate);
        Assert.Equal((1001L, 0), (sent.PeerId, sent.MessageId));
    }

    [Theory]
    [InlineData("FLOOD_WAIT_17", 17)]
    [InlineData("SLOWMODE_WAIT_30", 30)]
    public async Task Flood_and_slow_mode_waits_carry_the_wait(string error, int seconds)
    {
        var sender = new MessageSender(new ScriptedInvoker(_ => throw new RpcErrorException(420, error)), new FakeTimeProvider(), _ => { });

        var thrown = await Assert.ThrowsAsync<TelegramFloodWaitException>(() => sender.SendAsync(Group, "x", 1, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(seconds), thrown.RetryAfter);
    }

    [Theory]
    [InlineData("CHAT_WRITE_FORBIDDEN")]
    [InlineData("PEER_ID_INVALID")]
    [InlineData("CHANNEL_INVALID")]
    public async Task Refusals_that_retrying_cannot_cure_are_permanent(string error)
    {
        var sender = new MessageSender(new ScriptedInvoker(_ => throw new RpcErrorException(400, error)), new FakeTimeProvider(), _ => { });

        var thrown = await Assert.ThrowsAsync<TelegramPermanentException>(() => sender.SendAsync(Group, "x", 1, CancellationToken.None));

        Assert.Equal(error, thrown.ErrorCode);
    }

    [Fact]
    public async Task A_lost_connection_with_unknown_outcome_is_transient()
    {
        var sender = new MessageSender(new ScriptedInvoker(_ => throw new MtprotoException("Gave up after 8 failed connection attempts.")), new FakeTimeProvider(), _ => { });

        await Assert.ThrowsAsync<TelegramTransientException>(() => sender.SendAsync(Group, "x", 1, CancellationToken.None));
    }
}
