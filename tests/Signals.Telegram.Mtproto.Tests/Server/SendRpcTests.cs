using Signals.Telegram.Emulator.World;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Contacts;
using Signals.Telegram.Tl.Messages;
using Signals.Telegram.Tl.Mtproto;
using TlMessage = Signals.Telegram.Tl.Message;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>messages.sendMessage: answers, random_id dedupe, world errors as rpc errors, held sends off the read loop.</summary>
public sealed class SendRpcTests
{
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task Sending_to_a_channel_answers_the_message_id_and_pts_and_stores_the_entities()
    {
        await using var api = new ApiFixture();
        api.World.AllowToWrite(api.Calls.Id, api.Reader.Id);
        api.World.Post(api.Calls.Id, "earlier post");
        var sender = await api.LoggedInAsync();

        var answer = Assert.IsType<UpdatesFull>(await sender.InvokeAsync(new SendMessage
        {
            Peer = api.CallsPeer,
            Message = "alert: $GEM chart",
            RandomId = 4242,
            Entities = [new MessageEntityBold { Offset = 0, Length = 5 }, new MessageEntityTextUrl { Offset = 12, Length = 5, Url = "https://dexscreener.com/x" }],
        }).WaitAsync(Timeout));

        var id = Assert.IsType<UpdateMessageID>(answer.Updates[0]);
        var stored = Assert.IsType<UpdateNewChannelMessage>(answer.Updates[1]);
        Assert.Equal((2, 4242L), (id.Id, id.RandomId));
        Assert.Equal((2, 1), (stored.Pts, stored.PtsCount));
        Assert.True(((TlMessage)stored.Message).Out);
        var message = api.World.FindMessage(api.Calls.Id, 2)!;
        Assert.Equal("alert: $GEM chart", message.Text);
        Assert.Equal(
            [new TextEntity(TextEntityKind.Bold, 0, 5), TextEntity.Link(12, 5, "https://dexscreener.com/x")],
            message.Entities);
        Assert.Equal(4242, Assert.Single(api.World.MessagesIn(api.Calls.Id), m => m.MessageId == 2).RandomId);
    }

    [Fact]
    public async Task A_repeated_random_id_answers_the_earlier_message_and_the_fault_mode_answers_RANDOM_ID_DUPLICATE()
    {
        await using var api = new ApiFixture();
        api.World.AllowToWrite(api.Calls.Id, api.Reader.Id);
        var sender = await api.LoggedInAsync();
        var send = new SendMessage { Peer = api.CallsPeer, Message = "once", RandomId = 77 };

        var first = Assert.IsType<UpdatesFull>(await sender.InvokeAsync(send).WaitAsync(Timeout));
        var again = Assert.IsType<UpdatesFull>(await sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "once", RandomId = 77 }).WaitAsync(Timeout));
        api.World.Faults.AnswerRepeatedRandomIdsWithError(true);
        var duplicate = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "once", RandomId = 77 }));

        Assert.Equal(((UpdateMessageID)first.Updates[0]).Id, ((UpdateMessageID)again.Updates[0]).Id);
        Assert.Equal(((UpdateNewChannelMessage)first.Updates[1]).Pts, ((UpdateNewChannelMessage)again.Updates[1]).Pts);
        Assert.Single(api.World.MessagesIn(api.Calls.Id));
        Assert.Equal((400, "RANDOM_ID_DUPLICATE"), (duplicate.Code, duplicate.ErrorMessage));
        Assert.Equal(2, api.World.Counters.DuplicateSendsSuppressed);
    }

    [Fact]
    public async Task World_errors_become_Telegrams_rpc_errors()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();

        var forbidden = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "hi", RandomId = 1 }));
        api.World.AllowToWrite(api.Calls.Id, api.Reader.Id);
        var empty = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "  ", RandomId = 2 }));
        var badPeer = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = new InputPeerChannel { ChannelId = api.Calls.Id, AccessHash = 9 }, Message = "hi", RandomId = 3 }));
        var unknownChat = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = new InputPeerChat { ChatId = 5 }, Message = "hi", RandomId = 4 }));
        api.World.Faults.FloodWaitNextSends(TimeSpan.FromSeconds(17));
        var flood = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "hi", RandomId = 5 }));
        api.World.Faults.Clear();
        api.World.Faults.FailNextSends(1);
        var transient = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "hi", RandomId = 6 }));
        api.World.SetBanned(ApiFixture.ReaderPhone, true);
        var banned = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "hi", RandomId = 7 }));

        Assert.Equal((403, "CHAT_WRITE_FORBIDDEN"), (forbidden.Code, forbidden.ErrorMessage));
        Assert.Equal((400, "MESSAGE_EMPTY"), (empty.Code, empty.ErrorMessage));
        Assert.Equal((400, "CHANNEL_INVALID"), (badPeer.Code, badPeer.ErrorMessage));
        Assert.Equal((400, "PEER_ID_INVALID"), (unknownChat.Code, unknownChat.ErrorMessage));
        Assert.Equal((420, "FLOOD_WAIT_17"), (flood.Code, flood.ErrorMessage));
        Assert.Equal((500, "RPC_CALL_FAIL"), (transient.Code, transient.ErrorMessage));
        Assert.Equal((401, "USER_DEACTIVATED_BAN"), (banned.Code, banned.ErrorMessage));
        Assert.Empty(api.World.MessagesIn(api.Calls.Id));
        Assert.Equal(1, sender.ConnectionCount);
    }

    [Fact]
    public async Task A_held_send_does_not_stop_the_connection_from_answering_other_calls()
    {
        await using var api = new ApiFixture();
        api.World.AllowToWrite(api.Calls.Id, api.Reader.Id);
        var sender = await api.LoggedInAsync();

        api.World.Faults.HoldSends();
        var held = sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "held", RandomId = 9 });
        await WaitUntilAsync(() => api.World.Faults.HeldSends == 1);
        var pong = await sender.InvokeAsync(new Ping { PingId = 5 }).WaitAsync(Timeout);
        var resolved = await sender.InvokeAsync(new ResolveUsername { Username = "pump_radar" }).WaitAsync(Timeout);

        Assert.False(held.IsCompleted);
        Assert.Empty(api.World.MessagesIn(api.Calls.Id));
        api.World.Faults.ReleaseSends();
        var answer = Assert.IsType<UpdatesFull>(await held.WaitAsync(Timeout));

        Assert.Equal(5, pong.PingId);
        Assert.Equal(api.Radar.Id, ((PeerChannel)resolved.Peer).ChannelId);
        Assert.Equal(1, ((UpdateMessageID)answer.Updates[0]).Id);
        Assert.Equal("held", Assert.Single(api.World.MessagesIn(api.Calls.Id)).Text);
    }

    [Fact]
    public async Task Sending_to_a_user_answers_updateNewMessage_with_the_common_pts_and_the_recipient_gets_a_push()
    {
        await using var api = new ApiFixture();
        var friend = api.World.AddUser("9996620005", "Fay", "fay_friend");
        var reader = await api.LoggedInAsync();
        var fay = await api.LoggedInAsync(friend.Phone);
        var fayUser = Assert.IsType<User>(Assert.Single((await reader.InvokeAsync(new ResolveUsername { Username = "fay_friend" }).WaitAsync(Timeout)).Users));

        var answer = Assert.IsType<UpdatesFull>(await reader.InvokeAsync(new SendMessage
        {
            Peer = new InputPeerUser { UserId = friend.Id, AccessHash = fayUser.AccessHash!.Value }, Message = "hello Fay", RandomId = 11,
        }).WaitAsync(Timeout));
        var pushed = Assert.IsType<UpdateNewMessage>(await PushReader.NextUpdateAsync(fay));

        var sent = Assert.IsType<UpdateNewMessage>(answer.Updates[1]);
        Assert.Equal((1, 1, true), (sent.Pts, sent.PtsCount, ((TlMessage)sent.Message).Out));
        Assert.Equal(friend.Id, ((PeerUser)((TlMessage)sent.Message).PeerId).UserId);
        Assert.Equal(("hello Fay", 1, false), (((TlMessage)pushed.Message).MessageValue, pushed.Pts, ((TlMessage)pushed.Message).Out));
        Assert.Equal(api.Reader.Id, ((PeerUser)((TlMessage)pushed.Message).PeerId).UserId);
        Assert.Equal((1, 1), (api.World.CommonPts(api.Reader.Id), api.World.CommonPts(friend.Id)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(20))
        {
            Assert.True(waited < Timeout, "the condition did not come true in time");
            await Task.Delay(20);
        }
    }
}
