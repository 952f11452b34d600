using Signals.Telegram.Client.Session;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Peers;

/// <summary>Between Telegram's peer objects and the port's <see cref="TelegramPeer"/>.</summary>
internal static class TlPeers
{
    public static TelegramPeer? FromChat(ChatBase chat) => chat switch
    {
        Channel channel => new TelegramPeer(PeerKind.Channel, channel.Id, channel.AccessHash ?? 0, channel.Username, channel.Title),
        ChannelForbidden forbidden => new TelegramPeer(PeerKind.Channel, forbidden.Id, forbidden.AccessHash, null, forbidden.Title),
        Chat group => new TelegramPeer(PeerKind.Chat, group.Id, 0, null, group.Title),
        _ => null,
    };

    public static TelegramPeer? FromUser(UserBase user) => user switch
    {
        User known => new TelegramPeer(PeerKind.User, known.Id, known.AccessHash ?? 0, known.Username, DisplayName(known)),
        _ => null,
    };

    public static TelegramUser ToUser(User user) => new(user.Id, DisplayName(user), user.Username);

    public static string DisplayName(User user) =>
        string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));

    /// <summary>Puts every channel, group and user of an answer into the cache (a "min" object keeps the hash known before).</summary>
    public static void Remember(SessionState state, IEnumerable<ChatBase>? chats, IEnumerable<UserBase>? users)
    {
        foreach (var chat in chats ?? [])
        {
            if (FromChat(chat) is { } peer && !(chat is Channel { Min: true } && state.Peer(peer.Id) is null && peer.AccessHash == 0))
            {
                state.RememberPeer(peer);
            }
        }

        foreach (var user in users ?? [])
        {
            if (user is User { Self: false } && FromUser(user) is { } peer)
            {
                state.RememberPeer(peer);
            }
        }
    }

    public static InputPeer ToInputPeer(TelegramPeer peer) => peer.Kind switch
    {
        PeerKind.Channel => new InputPeerChannel { ChannelId = peer.Id, AccessHash = peer.AccessHash },
        PeerKind.User => new InputPeerUser { UserId = peer.Id, AccessHash = peer.AccessHash },
        PeerKind.Chat => new InputPeerChat { ChatId = peer.Id },
        _ => throw new TelegramPermanentException("PEER_ID_INVALID", "PEER_ID_INVALID: unknown peer kind"),
    };

    public static InputChannel ToInputChannel(TelegramPeer peer) => peer.Kind == PeerKind.Channel
        ? new InputChannel { ChannelId = peer.Id, AccessHash = peer.AccessHash }
        : throw new TelegramPermanentException("CHANNEL_INVALID", "CHANNEL_INVALID: the peer is not a channel");

    /// <summary>The channel a message belongs to, or null for messages outside channels.</summary>
    public static long? ChannelOf(Peer peer) => peer is PeerChannel channel ? channel.ChannelId : null;
}
