using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Channels;
using Signals.Telegram.Tl.Messages;
using TlMessage = Signals.Telegram.Tl.Message;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>Who gets a sent message pushed: the account's other connections and the chat's members, never the sending connection.</summary>
public sealed class SendPushTests
{
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task The_sending_connection_gets_its_message_in_the_answer_only_and_other_connections_get_it_pushed()
    {
        await using var api = new ApiFixture();
        api.World.AllowToWrite(api.Calls.Id, api.Reader.Id);
        var sending = await api.LoggedInAsync();
        var otherSession = await api.LoggedInAsync();

        await sending.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = "from me", RandomId = 1 }).WaitAsync(Timeout);
        api.World.Post(api.Calls.Id, "from the admin");

        var onOther = Assert.IsType<UpdateNewChannelMessage>(await PushReader.NextUpdateAsync(otherSession));
        var onSending = Assert.IsType<UpdateNewChannelMessage>(await PushReader.NextUpdateAsync(sending));
        Assert.Equal(("from me", 1), (((TlMessage)onOther.Message).MessageValue, onOther.Pts));
        Assert.Equal(("from the admin", 2), (((TlMessage)onSending.Message).MessageValue, onSending.Pts));
    }

    [Fact]
    public async Task A_group_message_reaches_every_member_with_their_own_common_pts_and_reads_back_in_history()
    {
        await using var api = new ApiFixture();
        var member = api.World.AddUser("9996620006", "Gil Group");
        var group = api.World.CreateGroup("Signal Desk");
        api.World.AllowToWrite(group.Id, api.Reader.Id);
        api.World.AllowToWrite(group.Id, member.Id);
        var reader = await api.LoggedInAsync();
        var gil = await api.LoggedInAsync(member.Phone);
        var groupPeer = new InputPeerChat { ChatId = group.Id };

        var answer = Assert.IsType<UpdatesFull>(await reader.InvokeAsync(new SendMessage { Peer = groupPeer, Message = "desk, hello", RandomId = 3 }).WaitAsync(Timeout));
        var pushed = Assert.IsType<UpdatesFull>(await PushReader.NextAsync(gil));
        var history = Assert.IsType<MessagesSlice>(await gil.InvokeAsync(new GetHistory { Peer = groupPeer, Limit = 10 }).WaitAsync(Timeout));

        var sent = Assert.IsType<UpdateNewMessage>(answer.Updates[1]);
        var received = Assert.IsType<UpdateNewMessage>(Assert.Single(pushed.Updates));
        Assert.Equal((1, 1), (sent.Pts, received.Pts));
        var message = (TlMessage)received.Message;
        Assert.Equal((group.Id, api.Reader.Id), (((PeerChat)message.PeerId).ChatId, ((PeerUser)message.FromId!).UserId));
        Assert.Contains(pushed.Users, u => u is User { Id: var id } && id == api.Reader.Id);
        Assert.Contains(pushed.Chats, c => c is Chat { Id: var id } && id == group.Id);
        Assert.Equal(["desk, hello"], history.Messages.Select(m => ((TlMessage)m).MessageValue));
        Assert.Equal(1, history.Count);
    }
}
