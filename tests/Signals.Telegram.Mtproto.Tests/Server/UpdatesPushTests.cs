using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Channels;
using Signals.Telegram.Tl.Contacts;
using Signals.Telegram.Tl.Mtproto;
using TlMessage = Signals.Telegram.Tl.Message;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>Pushed channel updates with pts, and the server's update faults.</summary>
public sealed class UpdatesPushTests
{
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task A_member_gets_new_edited_and_deleted_posts_with_consecutive_pts_and_the_channel()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();
        await sender.InvokeAsync(new JoinChannel { Channel = api.CallsInput }).WaitAsync(Timeout);

        api.World.Post(api.Radar.Id, "not joined: never pushed");
        api.World.Post(api.Calls.Id, "first");
        api.World.Post(api.Calls.Id, "second");
        api.World.Edit(api.Calls.Id, 1, "first, edited");
        api.World.Delete(api.Calls.Id, 1, 2);

        var firstPush = Assert.IsType<UpdatesFull>(await PushReader.NextAsync(sender));
        var first = Assert.IsType<UpdateNewChannelMessage>(Assert.Single(firstPush.Updates));
        var second = Assert.IsType<UpdateNewChannelMessage>(await PushReader.NextUpdateAsync(sender));
        var edit = Assert.IsType<UpdateEditChannelMessage>(await PushReader.NextUpdateAsync(sender));
        var delete = Assert.IsType<UpdateDeleteChannelMessages>(await PushReader.NextUpdateAsync(sender));

        Assert.Equal(("first", 1, 1), (((TlMessage)first.Message).MessageValue, first.Pts, first.PtsCount));
        Assert.Equal(api.Calls.Id, ((PeerChannel)((TlMessage)first.Message).PeerId).ChannelId);
        Assert.Equal(api.Calls.Id, Assert.IsType<Channel>(Assert.Single(firstPush.Chats)).Id);
        Assert.Equal((2, 1), (second.Pts, second.PtsCount));
        Assert.Equal(("first, edited", 3, 1), (((TlMessage)edit.Message).MessageValue, edit.Pts, edit.PtsCount));
        Assert.NotNull(((TlMessage)edit.Message).EditDate);
        Assert.Equal((api.Calls.Id, 5, 2), (delete.ChannelId, delete.Pts, delete.PtsCount));
        Assert.Equal([1, 2], delete.Messages);
    }

    [Fact]
    public async Task Pushes_arriving_while_calls_are_answered_are_all_delivered_in_pts_order()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();
        await sender.InvokeAsync(new JoinChannel { Channel = api.CallsInput }).WaitAsync(Timeout);
        const int posts = 60;

        var posting = Task.Run(() =>
        {
            for (var i = 1; i <= posts; i++)
            {
                api.World.Post(api.Calls.Id, $"post {i}");
            }
        });
        var calls = Enumerable.Range(0, 20).Select(i => sender.InvokeAsync(new Ping { PingId = i }).WaitAsync(Timeout)).ToList();
        var resolves = Enumerable.Range(0, 10).Select(_ => sender.InvokeAsync(new ResolveUsername { Username = "gem_calls" }).WaitAsync(Timeout)).ToList();
        await posting;
        await Task.WhenAll(calls);
        await Task.WhenAll(resolves);

        var pts = new List<int>();
        while (pts.Count < posts)
        {
            pts.Add(Assert.IsType<UpdateNewChannelMessage>(await PushReader.NextUpdateAsync(sender)).Pts);
        }

        Assert.Equal(Enumerable.Range(1, posts), pts);
        Assert.Equal(1, sender.ConnectionCount);
    }

    [Fact]
    public async Task Skipped_pushes_leave_a_pts_gap_the_next_push_reveals()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();
        await sender.InvokeAsync(new JoinChannel { Channel = api.CallsInput }).WaitAsync(Timeout);

        api.Server.Faults.SkipNextPushes(2);
        api.World.Post(api.Calls.Id, "lost 1");
        api.World.Post(api.Calls.Id, "lost 2");
        api.World.Post(api.Calls.Id, "arrives");

        var update = Assert.IsType<UpdateNewChannelMessage>(await PushReader.NextUpdateAsync(sender));
        Assert.Equal(("arrives", 3, 1), (((TlMessage)update.Message).MessageValue, update.Pts, update.PtsCount));
        Assert.Equal(2, api.Server.Faults.PushesSkipped);
    }

    [Fact]
    public async Task UpdatesTooLong_is_pushed_to_the_connections_of_the_chosen_account_only()
    {
        await using var api = new ApiFixture();
        var other = api.World.AddUser("9996620003", "Olga");
        var reader = await api.LoggedInAsync();
        var olga = await api.LoggedInAsync(other.Phone);

        var pushed = api.Server.Faults.PushUpdatesTooLong(api.Reader.Id);
        api.World.AllowToWrite(api.Calls.Id, other.Id);
        api.World.Post(api.Calls.Id, "for members");

        Assert.Equal(1, pushed);
        Assert.IsType<UpdatesTooLong>(await PushReader.NextAsync(reader));
        Assert.IsType<UpdateNewChannelMessage>(await PushReader.NextUpdateAsync(olga));
    }
}
