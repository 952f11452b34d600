using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Channels;
using Signals.Telegram.Tl.Contacts;
using Signals.Telegram.Tl.Users;
using ChatsResult = Signals.Telegram.Tl.Messages.Chats;

namespace Signals.Telegram.Emulator.Server;

/// <summary>contacts.resolveUsername, channels.joinChannel / getChannels, users.getUsers.</summary>
internal static class PeerRpc
{
    // Telegram usernames: letters, digits and underscores (https://core.telegram.org/method/account.updateUsername).
    private const int MaxUsernameLength = 64;

    public static bool Handles(TlFunction request) => request is ResolveUsername or JoinChannel or GetChannels or GetUsers;

    public static TlObject Answer(TlFunction request, WorldConnection world, TimeProvider time) => request switch
    {
        ResolveUsername resolve => Resolve(world, resolve.Username),
        JoinChannel join => Join(world, join.Channel, time),
        GetChannels channels => Channels(world, channels.Id),
        GetUsers users => Users(world, users.Id),
        _ => throw new ArgumentException($"Not a peer call: {request.GetType().Name}.", nameof(request)),
    };

    private static ResolvedPeer Resolve(WorldConnection world, string username)
    {
        var name = username.TrimStart('@');
        if (name.Length is 0 or > MaxUsernameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
        {
            throw new TelegramPermanentException("USERNAME_INVALID", "USERNAME_INVALID: not a username");
        }

        var me = PeerInputs.Me(world);
        var peer = world.ResolvePeer(name);
        var mentions = new Mentions(world, me).AddPeer(peer.Id);
        return new ResolvedPeer { Peer = TlViews.Peer(peer.Kind, peer.Id), Chats = mentions.Chats, Users = mentions.Users };
    }

    private static UpdatesFull Join(WorldConnection world, InputChannelBase input, TimeProvider time)
    {
        var channel = PeerInputs.Channel(world, input);
        world.JoinChannel(channel);
        return new UpdatesFull
        {
            Updates = [new UpdateChannel { ChannelId = channel.Id }],
            Chats = [TlViews.Channel(channel, joined: true)],
            Date = TlViews.Seconds(time.GetUtcNow()),
        };
    }

    private static ChatsResult Channels(WorldConnection world, List<InputChannelBase> inputs)
    {
        PeerInputs.Me(world);
        var chats = new List<ChatBase>();
        foreach (var input in inputs.Take(200))
        {
            // Access hash 0 names a channel the account already has in its dialogs (a member), as Telegram accepts
            // for peers the account has seen (https://core.telegram.org/api/min); any other channel needs its hash.
            var channel = input is InputChannel { AccessHash: 0 } bare && world.DescribePeer(bare.ChannelId) is { Kind: PeerKind.Channel } seen && world.HasJoined(seen)
                ? seen
                : PeerInputs.Channel(world, input);
            chats.Add(TlViews.Channel(channel, world.HasJoined(channel)));
        }

        return new ChatsResult { ChatsValue = chats };
    }

    private static TlVector<UserBase> Users(WorldConnection world, List<InputUserBase> inputs)
    {
        var me = PeerInputs.Me(world);
        var users = new List<UserBase>();
        foreach (var input in inputs.Take(200))
        {
            var peer = input switch
            {
                InputUserSelf => world.DescribePeer(me),
                InputUser user => world.CheckPeer(PeerKind.User, user.UserId, user.AccessHash),
                _ => null,
            };
            if (peer is not null)
            {
                users.Add(TlViews.User(peer, me));
            }
        }

        return new TlVector<UserBase>(users);
    }
}
