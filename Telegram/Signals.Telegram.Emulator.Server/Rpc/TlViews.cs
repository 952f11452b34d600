using Signals.Telegram.Emulator.World;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using TlChannel = Signals.Telegram.Tl.Channel;
using TlMessage = Signals.Telegram.Tl.Message;
using TlUser = Signals.Telegram.Tl.User;

namespace Signals.Telegram.Emulator.Server;

/// <summary>The world's peers and messages in Telegram's layer-198 objects, as a given account sees them.</summary>
internal static class TlViews
{
    public static TlChannel Channel(TelegramPeer channel, bool joined) => new()
    {
        // The world has broadcast channels only (no megagroups): Signals reads and posts to channels.
        Broadcast = true,
        Left = !joined,
        Id = channel.Id,
        AccessHash = channel.AccessHash,
        Title = channel.Title,
        Username = channel.Username,
        Photo = new ChatPhotoEmpty(),
        Date = 0,
    };

    public static Chat Group(TelegramPeer group) => new() { Id = group.Id, Title = group.Title, Photo = new ChatPhotoEmpty(), ParticipantsCount = 0, Version = 1 };

    public static ChatBase Chat(TelegramPeer peer, bool joined) =>
        peer.Kind == PeerKind.Channel ? Channel(peer, joined) : Group(peer);

    public static TlUser User(TelegramPeer user, long viewerId) => new()
    {
        Self = user.Id == viewerId,
        Id = user.Id,
        AccessHash = user.AccessHash,
        FirstName = user.Title,
        Username = user.Username,
    };

    public static Peer Peer(PeerKind kind, long id) => kind switch
    {
        PeerKind.Channel => new PeerChannel { ChannelId = id },
        PeerKind.Chat => new PeerChat { ChatId = id },
        _ => new PeerUser { UserId = id },
    };

    /// <summary>A message as <paramref name="viewerId"/> sees it: a private message's peer is the other side.</summary>
    public static TlMessage Message(WorldMessage message, long viewerId)
    {
        var outgoing = message.SenderUserId == viewerId;
        var peer = message.RoomKind == PeerKind.User
            ? Peer(PeerKind.User, outgoing ? message.RoomId : message.SenderUserId ?? message.RoomId)
            : Peer(message.RoomKind, message.RoomId);
        return new TlMessage
        {
            Out = outgoing,
            Post = message.RoomKind == PeerKind.Channel,
            Id = message.Id,
            FromId = message.RoomKind == PeerKind.Channel || message.SenderUserId is not { } sender ? null : Peer(PeerKind.User, sender),
            PeerId = peer,
            Date = Seconds(message.Date),
            MessageValue = message.Text,
            Entities = message.Entities.Count == 0 ? null : message.Entities.Select(Entity).ToList(),
            EditDate = message.EditDate is { } edited ? Seconds(edited) : null,
        };
    }

    public static MessageEntity Entity(TextEntity entity) => entity.Kind switch
    {
        TextEntityKind.TextUrl => new MessageEntityTextUrl { Offset = entity.Offset, Length = entity.Length, Url = entity.Url ?? "" },
        TextEntityKind.Url => new MessageEntityUrl { Offset = entity.Offset, Length = entity.Length },
        TextEntityKind.Bold => new MessageEntityBold { Offset = entity.Offset, Length = entity.Length },
        TextEntityKind.Italic => new MessageEntityItalic { Offset = entity.Offset, Length = entity.Length },
        TextEntityKind.Underline => new MessageEntityUnderline { Offset = entity.Offset, Length = entity.Length },
        TextEntityKind.Strike => new MessageEntityStrike { Offset = entity.Offset, Length = entity.Length },
        TextEntityKind.Code => new MessageEntityCode { Offset = entity.Offset, Length = entity.Length },
        _ => new MessageEntityPre { Offset = entity.Offset, Length = entity.Length, Language = entity.Language ?? "" },
    };

    /// <summary>A client's entities in the world's terms; kinds the world does not keep are dropped, as formatting it cannot show.</summary>
    public static IReadOnlyList<TextEntity> Entities(List<MessageEntity>? entities) =>
        (entities ?? []).Select(e => e switch
        {
            MessageEntityTextUrl link => new TextEntity(TextEntityKind.TextUrl, link.Offset, link.Length, link.Url),
            MessageEntityUrl url => new TextEntity(TextEntityKind.Url, url.Offset, url.Length),
            MessageEntityBold bold => new TextEntity(TextEntityKind.Bold, bold.Offset, bold.Length),
            MessageEntityItalic italic => new TextEntity(TextEntityKind.Italic, italic.Offset, italic.Length),
            MessageEntityUnderline underline => new TextEntity(TextEntityKind.Underline, underline.Offset, underline.Length),
            MessageEntityStrike strike => new TextEntity(TextEntityKind.Strike, strike.Offset, strike.Length),
            MessageEntityCode code => new TextEntity(TextEntityKind.Code, code.Offset, code.Length),
            MessageEntityPre pre => new TextEntity(TextEntityKind.Pre, pre.Offset, pre.Length, null, pre.Language),
            _ => null,
        }).OfType<TextEntity>().ToList();

    public static int Seconds(DateTimeOffset time) => (int)time.ToUnixTimeSeconds();
}
