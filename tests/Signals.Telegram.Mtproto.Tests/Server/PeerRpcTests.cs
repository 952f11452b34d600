using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Channels;
using Signals.Telegram.Tl.Contacts;
using Signals.Telegram.Tl.Users;
using ChatsResult = Signals.Telegram.Tl.Messages.Chats;
using TlChannel = Signals.Telegram.Tl.Channel;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>contacts.resolveUsername, channels.joinChannel / getChannels and users.getUsers over MTProto.</summary>
public sealed class PeerRpcTests
{
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task Resolving_a_channel_username_gives_the_peer_and_the_channel_with_its_access_hash()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();

        var resolved = await sender.InvokeAsync(new ResolveUsername { Username = "gem_calls" }).WaitAsync(Timeout);

        Assert.Equal(api.Calls.Id, Assert.IsType<PeerChannel>(resolved.Peer).ChannelId);
        var channel = Assert.IsType<TlChannel>(Assert.Single(resolved.Chats));
        Assert.Equal((api.Calls.Id, api.Calls.AccessHash, "gem_calls", "Gem Calls"), (channel.Id, channel.AccessHash!.Value, channel.Username, channel.Title));
        Assert.True(channel.Broadcast);
        Assert.True(channel.Left);
        Assert.Equal(1_000_000_001, api.Calls.Id);
    }

    [Fact]
    public async Task Resolving_a_user_gives_a_user_object_and_unknown_or_malformed_names_are_rpc_errors()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();

        var resolved = await sender.InvokeAsync(new ResolveUsername { Username = "@rita_reader" }).WaitAsync(Timeout);
        var unknown = await ApiFixture.ErrorOf(sender.InvokeAsync(new ResolveUsername { Username = "nobody_here" }));
        var malformed = await ApiFixture.ErrorOf(sender.InvokeAsync(new ResolveUsername { Username = "a b;c" }));
        var empty = await ApiFixture.ErrorOf(sender.InvokeAsync(new ResolveUsername { Username = "" }));

        Assert.Equal(api.Reader.Id, Assert.IsType<PeerUser>(resolved.Peer).UserId);
        Assert.True(Assert.IsType<User>(Assert.Single(resolved.Users)).Self);
        Assert.Equal((400, "USERNAME_NOT_OCCUPIED"), (unknown.Code, unknown.ErrorMessage));
        Assert.Equal((400, "USERNAME_INVALID"), (malformed.Code, malformed.ErrorMessage));
        Assert.Equal((400, "USERNAME_INVALID"), (empty.Code, empty.ErrorMessage));
    }

    [Fact]
    public async Task Joining_makes_the_account_a_member_and_answers_updates_with_the_channel()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();

        var updates = Assert.IsType<UpdatesFull>(await sender.InvokeAsync(new JoinChannel { Channel = api.CallsInput }).WaitAsync(Timeout));
        var chats = Assert.IsType<ChatsResult>(await sender.InvokeAsync(new GetChannels { Id = [api.CallsInput] }).WaitAsync(Timeout));

        Assert.Equal(api.Calls.Id, Assert.IsType<UpdateChannel>(Assert.Single(updates.Updates)).ChannelId);
        Assert.False(Assert.IsType<TlChannel>(Assert.Single(updates.Chats)).Left);
        Assert.True(api.World.IsMember(api.Calls.Id, api.Reader.Id));
        Assert.False(Assert.IsType<TlChannel>(Assert.Single(chats.ChatsValue)).Left);
    }

    [Fact]
    public async Task A_wrong_access_hash_or_unknown_channel_is_CHANNEL_INVALID_and_the_connection_keeps_serving()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();

        var wrongHash = await ApiFixture.ErrorOf(sender.InvokeAsync(new JoinChannel { Channel = new InputChannel { ChannelId = api.Calls.Id, AccessHash = api.Calls.AccessHash ^ 1 } }));
        var unknown = await ApiFixture.ErrorOf(sender.InvokeAsync(new GetChannels { Id = [new InputChannel { ChannelId = 42, AccessHash = 1 }] }));
        var empty = await ApiFixture.ErrorOf(sender.InvokeAsync(new JoinChannel { Channel = new InputChannelEmpty() }));
        var stillThere = await sender.InvokeAsync(new ResolveUsername { Username = "pump_radar" }).WaitAsync(Timeout);

        Assert.Equal((400, "CHANNEL_INVALID"), (wrongHash.Code, wrongHash.ErrorMessage));
        Assert.Equal((400, "CHANNEL_INVALID"), (unknown.Code, unknown.ErrorMessage));
        Assert.Equal((400, "CHANNEL_INVALID"), (empty.Code, empty.ErrorMessage));
        Assert.False(api.World.IsMember(api.Calls.Id, api.Reader.Id));
        Assert.Equal(api.Radar.Id, Assert.IsType<PeerChannel>(stillThere.Peer).ChannelId);
        Assert.Equal(1, sender.ConnectionCount);
    }

    [Fact]
    public async Task GetUsers_answers_self_and_a_user_with_its_access_hash()
    {
        await using var api = new ApiFixture();
        var other = api.World.AddUser("9996620002", "Otto Other", "otto_other");
        var sender = await api.LoggedInAsync();
        var otto = Assert.IsType<User>(Assert.Single((await sender.InvokeAsync(new ResolveUsername { Username = "otto_other" }).WaitAsync(Timeout)).Users));

        var users = await sender.InvokeAsync(new GetUsers { Id = [new InputUserSelf(), new InputUser { UserId = other.Id, AccessHash = otto.AccessHash!.Value }] }).WaitAsync(Timeout);

        Assert.Equal([api.Reader.Id, other.Id], users.Select(u => Assert.IsType<User>(u).Id));
        Assert.Equal([true, false], users.Select(u => ((User)u).Self));
    }

    [Fact]
    public async Task Calls_before_login_are_AUTH_KEY_UNREGISTERED()
    {
        await using var api = new ApiFixture();
        var sender = api.NewSender(api.Server);
        await sender.ConnectAsync().WaitAsync(Timeout);

        var error = await ApiFixture.ErrorOf(sender.InvokeAsync(new ResolveUsername { Username = "gem_calls" }));

        Assert.Equal((401, "AUTH_KEY_UNREGISTERED"), (error.Code, error.ErrorMessage));
    }
}
