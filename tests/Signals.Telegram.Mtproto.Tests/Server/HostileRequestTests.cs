using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Channels;
using Signals.Telegram.Tl.Messages;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Updates;
using ChatsResult = Signals.Telegram.Tl.Messages.Chats;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>Well-formed TL with hostile values: every one is an rpc error or a capped answer, and the connection lives on.</summary>
public sealed class HostileRequestTests
{
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task Hostile_values_get_rpc_errors_and_the_connection_keeps_answering()
    {
        await using var api = new ApiFixture();
        api.World.AllowToWrite(api.Calls.Id, api.Reader.Id);
        var sender = await api.LoggedInAsync();

        var tooLong = await ApiFixture.ErrorOf(sender.InvokeAsync(new SendMessage { Peer = api.CallsPeer, Message = new string('x', 5000), RandomId = 1 }));
        var wrongUserHash = await ApiFixture.ErrorOf(sender.InvokeAsync(new GetHistory { Peer = new InputPeerUser { UserId = api.Reader.Id, AccessHash = 1 }, Limit = 5 }));
        var unknownUser = await ApiFixture.ErrorOf(sender.InvokeAsync(new GetHistory { Peer = new InputPeerUser { UserId = long.MaxValue, AccessHash = 0 }, Limit = 5 }));
        var manyChannels = await ApiFixture.ErrorOf(sender.InvokeAsync(new GetChannels { Id = Enumerable.Range(0, 5000).Select(i => (InputChannelBase)new InputChannel { ChannelId = i, AccessHash = i }).ToList() }));
        var negativeDifference = await sender.InvokeAsync(new GetDifference { Pts = int.MinValue, Date = -1, Qts = -1 }).WaitAsync(Timeout);
        var pong = await sender.InvokeAsync(new Ping { PingId = 1 }).WaitAsync(Timeout);

        Assert.Equal((400, "MESSAGE_TOO_LONG"), (tooLong.Code, tooLong.ErrorMessage));
        Assert.Equal((400, "PEER_ID_INVALID"), (wrongUserHash.Code, wrongUserHash.ErrorMessage));
        Assert.Equal((400, "PEER_ID_INVALID"), (unknownUser.Code, unknownUser.ErrorMessage));
        Assert.Equal((400, "CHANNEL_INVALID"), (manyChannels.Code, manyChannels.ErrorMessage));
        Assert.Equal(0, Assert.IsType<DifferenceTooLong>(negativeDifference).Pts);
        Assert.Equal(1, pong.PingId);
        Assert.Equal(1, sender.ConnectionCount);
    }

    [Fact]
    public async Task Entities_outside_the_text_are_dropped_and_the_rest_kept()
    {
        await using var api = new ApiFixture();
        api.World.AllowToWrite(api.Calls.Id, api.Reader.Id);
        var sender = await api.LoggedInAsync();

        await sender.InvokeAsync(new SendMessage
        {
            Peer = api.CallsPeer,
            Message = "short",
            RandomId = 2,
            Entities =
            [
                new MessageEntityTextUrl { Offset = 0, Length = 5, Url = "https://ok.example" },
                new MessageEntityBold { Offset = 3, Length = int.MaxValue },
                new MessageEntityItalic { Offset = -1, Length = 2 },
                new MessageEntityTextUrl { Offset = 0, Length = 2, Url = "" },
                new MessageEntityMention { Offset = 0, Length = 2 },
            ],
        }).WaitAsync(Timeout);
        var chats = Assert.IsType<ChatsResult>(await sender.InvokeAsync(new GetChannels { Id = [api.CallsInput] }).WaitAsync(Timeout));

        var stored = api.World.FindMessage(api.Calls.Id, 1)!;
        Assert.Equal(["https://ok.example"], stored.Entities.Select(e => e.Url));
        Assert.Single(chats.ChatsValue);
    }
}
