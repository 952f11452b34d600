using Signals.Telegram.Emulator.World;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Emulator.Server;

/// <summary>Collects the users and chats a reply mentions, so it can carry them as Telegram's replies do.</summary>
internal sealed class Mentions(WorldConnection world, long viewerId)
{
    private readonly Dictionary<long, UserBase> _users = [];
    private readonly Dictionary<long, ChatBase> _chats = [];

    public List<UserBase> Users => [.. _users.Values];

    public List<ChatBase> Chats => [.. _chats.Values];

    public Mentions Add(WorldMessage? message)
    {
        if (message is null)
        {
            return this;
        }

        AddPeer(message.RoomId);
        if (message.SenderUserId is { } sender)
        {
            AddPeer(sender);
        }

        return this;
    }

    public Mentions AddPeer(long peerId)
    {
        if (_users.ContainsKey(peerId) || _chats.ContainsKey(peerId) || world.DescribePeer(peerId) is not { } peer)
        {
            return this;
        }

        if (peer.Kind == PeerKind.User)
        {
            _users[peerId] = TlViews.User(peer, viewerId);
        }
        else
        {
            _chats[peerId] = TlViews.Chat(peer, world.HasJoined(peer));
        }

        return this;
    }
}
