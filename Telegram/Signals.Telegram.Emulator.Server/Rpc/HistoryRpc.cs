using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Messages;
using ChannelsGetMessages = Signals.Telegram.Tl.Channels.GetMessages;

namespace Signals.Telegram.Emulator.Server;

/// <summary>messages.getHistory and channels.getMessages.</summary>
internal static class HistoryRpc
{
    public static bool Handles(TlFunction request) => request is GetHistory or ChannelsGetMessages;

    public static TlObject Answer(TlFunction request, WorldConnection world) => request switch
    {
        GetHistory history => History(world, history),
        ChannelsGetMessages get => Messages(world, get),
        _ => throw new ArgumentException($"Not a history call: {request.GetType().Name}.", nameof(request)),
    };

    private static MessagesBase History(WorldConnection world, GetHistory request)
    {
        if (request.Limit < 0)
        {
            throw new TelegramPermanentException("LIMIT_INVALID", "LIMIT_INVALID: negative limit");
        }

        var me = PeerInputs.Me(world);
        var peer = PeerInputs.Peer(world, request.Peer);
        var page = world.GetHistoryPage(peer, new HistoryQuery(request.OffsetId, request.AddOffset, request.Limit, request.MaxId, request.MinId));
        var mentions = new Mentions(world, me).AddPeer(peer.Id);
        var messages = new List<MessageBase>(page.Messages.Count);
        foreach (var message in page.Messages)
        {
            mentions.Add(message);
            messages.Add(TlViews.Message(message, me));
        }

        return peer.Kind == PeerKind.Channel
            ? new ChannelMessages { Pts = page.Pts, Count = page.Count, Messages = messages, Chats = mentions.Chats, Users = mentions.Users }
            : new MessagesSlice { Count = page.Count, Messages = messages, Chats = mentions.Chats, Users = mentions.Users };
    }

    private static ChannelMessages Messages(WorldConnection world, ChannelsGetMessages request)
    {
        var me = PeerInputs.Me(world);
        var channel = PeerInputs.Channel(world, request.Channel);

        // Telegram answers ids it cannot find with messageEmpty; other input kinds (replies, pinned) are not served.
        var ids = request.Id.Take(200).Select(m => m is InputMessageID byId ? byId.Id : 0).ToList();
        var found = world.GetMessages(channel, ids);
        var mentions = new Mentions(world, me).AddPeer(channel.Id);
        var messages = new List<MessageBase>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            mentions.Add(found[i]);
            messages.Add(found[i] is { } message ? TlViews.Message(message, me) : new MessageEmpty { Id = ids[i], PeerId = TlViews.Peer(PeerKind.Channel, channel.Id) });
        }

        var state = world.GetChannelState(channel);
        return new ChannelMessages { Pts = state.Pts, Count = found.Count(m => m is not null), Messages = messages, Chats = mentions.Chats, Users = mentions.Users };
    }
}
