using Signals.Telegram.Emulator.World;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Messages;
using ChannelsGetMessages = Signals.Telegram.Tl.Channels.GetMessages;
using TlMessage = Signals.Telegram.Tl.Message;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>messages.getHistory's paging as Telegram's, and channels.getMessages, over MTProto.</summary>
public sealed class HistoryRpcTests
{
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task History_is_newest_first_with_pts_count_entities_and_no_deleted_posts()
    {
        await using var api = new ApiFixture();
        for (var i = 1; i <= 5; i++)
        {
            api.World.Post(api.Calls.Id, $"post {i}");
        }

        api.World.Post(api.Calls.Id, "buy $GEM now", [TextEntity.Link(8, 3, "https://dexscreener.com/solana/gem"), new TextEntity(TextEntityKind.Bold, 0, 3)]);
        api.World.Delete(api.Calls.Id, 2);
        api.World.Edit(api.Calls.Id, 3, "post 3 edited");
        var sender = await api.LoggedInAsync();

        var page = Assert.IsType<ChannelMessages>(await sender.InvokeAsync(new GetHistory { Peer = api.CallsPeer, Limit = 10 }).WaitAsync(Timeout));

        var messages = page.Messages.Select(m => Assert.IsType<TlMessage>(m)).ToList();
        Assert.Equal([6, 5, 4, 3, 1], messages.Select(m => m.Id));
        Assert.Equal((5, api.World.ChannelPts(api.Calls.Id)), (page.Count, page.Pts));
        Assert.Equal(8, page.Pts);
        var link = Assert.IsType<MessageEntityTextUrl>(messages[0].Entities![0]);
        Assert.Equal((8, 3, "https://dexscreener.com/solana/gem"), (link.Offset, link.Length, link.Url));
        Assert.IsType<MessageEntityBold>(messages[0].Entities![1]);
        Assert.Equal("post 3 edited", messages[3].MessageValue);
        Assert.NotNull(messages[3].EditDate);
        Assert.Null(messages[1].EditDate);
        Assert.All(messages, m => Assert.Equal(api.Calls.Id, Assert.IsType<PeerChannel>(m.PeerId).ChannelId));
        Assert.True(messages[0].Post);
        Assert.Equal(api.Calls.Id, Assert.IsType<Channel>(Assert.Single(page.Chats)).Id);
    }

    [Theory]
    [InlineData(0, 0, 3, 0, 0, new[] { 10, 9, 8 })]
    [InlineData(8, 0, 3, 0, 0, new[] { 7, 6, 5 })]
    [InlineData(8, 1, 2, 0, 0, new[] { 6, 5 })]
    [InlineData(0, 0, 100, 0, 7, new[] { 10, 9, 8 })]
    [InlineData(0, 0, 2, 0, 7, new[] { 10, 9 })]
    [InlineData(0, 0, 100, 4, 1, new[] { 3, 2 })]
    [InlineData(5, -3, 3, 0, 0, new[] { 7, 6, 5 })]
    [InlineData(9, -5, 5, 0, 0, new[] { 10, 9 })]
    [InlineData(0, 0, 0, 0, 0, new int[0])]
    [InlineData(0, 20, 5, 0, 0, new int[0])]
    public async Task Paging_follows_offset_id_add_offset_limit_min_id_and_max_id(int offsetId, int addOffset, int limit, int maxId, int minId, int[] expected)
    {
        await using var api = new ApiFixture();
        for (var i = 1; i <= 10; i++)
        {
            api.World.Post(api.Calls.Id, $"post {i}");
        }

        var sender = await api.LoggedInAsync();

        var page = Assert.IsType<ChannelMessages>(await sender.InvokeAsync(new GetHistory
        {
            Peer = api.CallsPeer, OffsetId = offsetId, AddOffset = addOffset, Limit = limit, MaxId = maxId, MinId = minId,
        }).WaitAsync(Timeout));

        Assert.Equal(expected, page.Messages.Select(m => ((TlMessage)m).Id));
        Assert.Equal(10, page.Count);
    }

    [Fact]
    public async Task Absurd_limits_and_offsets_are_capped_or_refused_without_losing_the_connection()
    {
        await using var api = new ApiFixture();
        for (var i = 1; i <= 150; i++)
        {
            api.World.Post(api.Calls.Id, $"post {i}");
        }

        var sender = await api.LoggedInAsync();

        var huge = Assert.IsType<ChannelMessages>(await sender.InvokeAsync(new GetHistory { Peer = api.CallsPeer, Limit = int.MaxValue }).WaitAsync(Timeout));
        var farBack = Assert.IsType<ChannelMessages>(await sender.InvokeAsync(new GetHistory { Peer = api.CallsPeer, Limit = 5, AddOffset = int.MinValue, OffsetId = int.MaxValue }).WaitAsync(Timeout));
        var negative = await ApiFixture.ErrorOf(sender.InvokeAsync(new GetHistory { Peer = api.CallsPeer, Limit = -1 }));
        var badPeer = await ApiFixture.ErrorOf(sender.InvokeAsync(new GetHistory { Peer = new InputPeerChannel { ChannelId = api.Calls.Id, AccessHash = 5 }, Limit = 5 }));
        var emptyPeer = await ApiFixture.ErrorOf(sender.InvokeAsync(new GetHistory { Peer = new InputPeerEmpty(), Limit = 5 }));

        Assert.Equal(100, huge.Messages.Count);
        Assert.Empty(farBack.Messages);
        Assert.Equal((400, "LIMIT_INVALID"), (negative.Code, negative.ErrorMessage));
        Assert.Equal((400, "CHANNEL_INVALID"), (badPeer.Code, badPeer.ErrorMessage));
        Assert.Equal((400, "PEER_ID_INVALID"), (emptyPeer.Code, emptyPeer.ErrorMessage));
        Assert.Equal(1, sender.ConnectionCount);
    }

    [Fact]
    public async Task GetMessages_answers_existing_ids_and_messageEmpty_for_missing_or_deleted_ones()
    {
        await using var api = new ApiFixture();
        api.World.Post(api.Calls.Id, "one");
        api.World.Post(api.Calls.Id, "two");
        api.World.Delete(api.Calls.Id, 2);
        var sender = await api.LoggedInAsync();

        var answer = Assert.IsType<ChannelMessages>(await sender.InvokeAsync(new ChannelsGetMessages
        {
            Channel = api.CallsInput,
            Id = [new InputMessageID { Id = 1 }, new InputMessageID { Id = 2 }, new InputMessageID { Id = 99 }],
        }).WaitAsync(Timeout));

        Assert.Equal("one", Assert.IsType<TlMessage>(answer.Messages[0]).MessageValue);
        Assert.Equal(2, Assert.IsType<MessageEmpty>(answer.Messages[1]).Id);
        Assert.Equal(99, Assert.IsType<MessageEmpty>(answer.Messages[2]).Id);
        Assert.Equal(3, answer.Pts);
    }
}
