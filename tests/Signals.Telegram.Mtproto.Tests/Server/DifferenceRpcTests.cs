using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Contacts;
using Signals.Telegram.Tl.Messages;
using Signals.Telegram.Tl.Updates;
using TlMessage = Signals.Telegram.Tl.Message;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>updates.getState, getDifference and getChannelDifference: filling pts gaps as Telegram does.</summary>
public sealed class DifferenceRpcTests
{
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task Channel_difference_has_new_messages_and_edits_and_deletions_as_other_updates()
    {
        await using var api = new ApiFixture();
        api.World.Post(api.Calls.Id, "one");
        var sender = await api.LoggedInAsync();
        api.World.Post(api.Calls.Id, "two");
        api.World.Post(api.Calls.Id, "three");
        api.World.Edit(api.Calls.Id, 1, "one, edited");
        api.World.Delete(api.Calls.Id, 3);

        var difference = Assert.IsType<ChannelDifference>(await sender.InvokeAsync(ChannelDifferenceFrom(api, 1, 100)).WaitAsync(Timeout));
        var empty = Assert.IsType<ChannelDifferenceEmpty>(await sender.InvokeAsync(ChannelDifferenceFrom(api, 5, 100)).WaitAsync(Timeout));

        Assert.True(difference.Final);
        Assert.Equal(5, difference.Pts);
        Assert.Equal(["two"], difference.NewMessages.Select(m => ((TlMessage)m).MessageValue));
        Assert.Equal("one, edited", ((TlMessage)Assert.IsType<UpdateEditChannelMessage>(difference.OtherUpdates[0]).Message).MessageValue);
        var deleted = Assert.IsType<UpdateDeleteChannelMessages>(difference.OtherUpdates[1]);
        Assert.Equal([3], deleted.Messages);
        Assert.Equal((5, 1), (deleted.Pts, deleted.PtsCount));
        Assert.Equal(api.Calls.Id, Assert.IsType<Channel>(Assert.Single(difference.Chats)).Id);
        Assert.Equal((true, 5), (empty.Final, empty.Pts));
    }

    [Fact]
    public async Task Channel_difference_pages_by_limit_until_final_and_caps_the_limit()
    {
        await using var api = new ApiFixture(new MtprotoServerOptions { ChannelDifferenceLimitCap = 4 });
        for (var i = 1; i <= 10; i++)
        {
            api.World.Post(api.Calls.Id, $"post {i}");
        }

        var sender = await api.LoggedInAsync();

        var first = Assert.IsType<ChannelDifference>(await sender.InvokeAsync(ChannelDifferenceFrom(api, 1, 3)).WaitAsync(Timeout));
        var second = Assert.IsType<ChannelDifference>(await sender.InvokeAsync(ChannelDifferenceFrom(api, first.Pts, int.MaxValue)).WaitAsync(Timeout));
        var third = Assert.IsType<ChannelDifference>(await sender.InvokeAsync(ChannelDifferenceFrom(api, second.Pts, int.MaxValue)).WaitAsync(Timeout));

        Assert.Equal((false, 4, 3), (first.Final, first.Pts, first.NewMessages.Count));
        Assert.Equal((false, 8, 4), (second.Final, second.Pts, second.NewMessages.Count));
        Assert.Equal((true, 10, 2), (third.Final, third.Pts, third.NewMessages.Count));
        Assert.Equal([9, 10], third.NewMessages.Select(m => ((TlMessage)m).Id));
    }

    [Fact]
    public async Task A_gap_over_the_threshold_is_channelDifferenceTooLong_with_the_dialog_and_latest_messages()
    {
        await using var api = new ApiFixture(new MtprotoServerOptions { DifferenceTooLongThreshold = 5 });
        for (var i = 1; i <= 9; i++)
        {
            api.World.Post(api.Calls.Id, $"post {i}");
        }

        api.World.Delete(api.Calls.Id, 9);
        var sender = await api.LoggedInAsync();

        var tooLong = Assert.IsType<ChannelDifferenceTooLong>(await sender.InvokeAsync(ChannelDifferenceFrom(api, 1, 3)).WaitAsync(Timeout));
        var withinReach = Assert.IsType<ChannelDifference>(await sender.InvokeAsync(ChannelDifferenceFrom(api, 6, 100)).WaitAsync(Timeout));

        var dialog = Assert.IsType<Dialog>(tooLong.Dialog);
        Assert.Equal((8, 10), (dialog.TopMessage, dialog.Pts));
        Assert.Equal(api.Calls.Id, Assert.IsType<PeerChannel>(dialog.Peer).ChannelId);
        Assert.Equal([8, 7, 6], tooLong.Messages.Select(m => ((TlMessage)m).Id));
        Assert.True(withinReach.Final);
    }

    [Fact]
    public async Task Hostile_channel_difference_arguments_are_rpc_errors()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();

        var zero = await ApiFixture.ErrorOf(sender.InvokeAsync(ChannelDifferenceFrom(api, 0, 10)));
        var badHash = await ApiFixture.ErrorOf(sender.InvokeAsync(new GetChannelDifference
        {
            Channel = new InputChannel { ChannelId = api.Calls.Id, AccessHash = 0 }, Filter = new ChannelMessagesFilterEmpty(), Pts = 1, Limit = 10,
        }));
        var ahead = Assert.IsType<ChannelDifferenceEmpty>(await sender.InvokeAsync(ChannelDifferenceFrom(api, int.MaxValue, int.MinValue)).WaitAsync(Timeout));

        Assert.Equal((400, "PERSISTENT_TIMESTAMP_EMPTY"), (zero.Code, zero.ErrorMessage));
        Assert.Equal((400, "CHANNEL_INVALID"), (badHash.Code, badHash.ErrorMessage));
        Assert.Equal(0, ahead.Pts);
        Assert.Equal(1, sender.ConnectionCount);
    }

    [Fact]
    public async Task Common_box_difference_carries_private_messages_and_slices_and_gives_up_past_the_threshold()
    {
        await using var api = new ApiFixture(new MtprotoServerOptions { DifferenceSliceLimit = 2, DifferenceTooLongThreshold = 4 });
        var friend = api.World.AddUser("9996620004", "Fred Friend", "fred_friend");
        var reader = await api.LoggedInAsync();
        var fred = await api.LoggedInAsync(friend.Phone);
        var readerUser = Assert.IsType<User>(Assert.Single((await fred.InvokeAsync(new ResolveUsername { Username = "rita_reader" }).WaitAsync(Timeout)).Users));
        var readerPeer = new InputPeerUser { UserId = api.Reader.Id, AccessHash = readerUser.AccessHash!.Value };

        var before = await reader.InvokeAsync(new GetState()).WaitAsync(Timeout);
        for (var i = 1; i <= 3; i++)
        {
            await fred.InvokeAsync(new SendMessage { Peer = readerPeer, Message = $"hi {i}", RandomId = i }).WaitAsync(Timeout);
        }

        var state = await reader.InvokeAsync(new GetState()).WaitAsync(Timeout);
        var slice = Assert.IsType<DifferenceSlice>(await reader.InvokeAsync(new GetDifference { Pts = 0, Date = 0, Qts = 0 }).WaitAsync(Timeout));
        var rest = Assert.IsType<Difference>(await reader.InvokeAsync(new GetDifference { Pts = slice.IntermediateState.Pts, Date = 0, Qts = 0 }).WaitAsync(Timeout));
        var empty = await reader.InvokeAsync(new GetDifference { Pts = 3, Date = 0, Qts = 0 }).WaitAsync(Timeout);
        for (var i = 4; i <= 6; i++)
        {
            await fred.InvokeAsync(new SendMessage { Peer = readerPeer, Message = $"hi {i}", RandomId = i }).WaitAsync(Timeout);
        }

        var tooLong = Assert.IsType<DifferenceTooLong>(await reader.InvokeAsync(new GetDifference { Pts = 1, Date = 0, Qts = 0 }).WaitAsync(Timeout));

        Assert.Equal((0, 3), (before.Pts, state.Pts));
        Assert.Equal(["hi 1", "hi 2"], slice.NewMessages.Select(m => ((TlMessage)m).MessageValue));
        Assert.Equal(2, slice.IntermediateState.Pts);
        var last = Assert.IsType<TlMessage>(Assert.Single(rest.NewMessages));
        Assert.Equal(("hi 3", false, friend.Id), (last.MessageValue, last.Out, Assert.IsType<PeerUser>(last.PeerId).UserId));
        Assert.Equal(3, rest.State.Pts);
        Assert.Contains(rest.Users, u => u is User { Id: var id } && id == friend.Id);
        Assert.IsType<DifferenceEmpty>(empty);
        Assert.Equal(6, tooLong.Pts);
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_a_difference_gets_its_answer_after_reconnecting()
    {
        await using var api = new ApiFixture();
        api.World.Post(api.Calls.Id, "one");
        api.World.Post(api.Calls.Id, "two");
        var sender = await api.LoggedInAsync();

        api.Server.Faults.DropConnectionInNextDifferences(1);
        var difference = Assert.IsType<ChannelDifference>(await sender.InvokeAsync(ChannelDifferenceFrom(api, 1, 10)).WaitAsync(Timeout));
        var common = await sender.InvokeAsync(new GetDifference { Pts = 0, Date = 0, Qts = 0 }).WaitAsync(Timeout);

        Assert.Equal(["two"], difference.NewMessages.Select(m => ((TlMessage)m).MessageValue));
        Assert.Equal(2, sender.ConnectionCount);
        Assert.IsType<DifferenceEmpty>(common);
    }

    private static GetChannelDifference ChannelDifferenceFrom(ApiFixture api, int pts, int limit) => new()
    {
        Channel = api.CallsInput,
        Filter = new ChannelMessagesFilterEmpty(),
        Pts = pts,
        Limit = limit,
    };
}
