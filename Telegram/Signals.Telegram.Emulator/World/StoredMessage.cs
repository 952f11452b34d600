using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>One message of a chat; deleted messages stay in place (flagged) so ids keep indexing the list.</summary>
internal sealed class StoredMessage(int id, DateTimeOffset date, string text, IReadOnlyList<TextEntity> entities, long? senderUserId, long? randomId)
{
    public int Id { get; } = id;

    public DateTimeOffset Date { get; } = date;

    public DateTimeOffset? EditDate { get; set; }

    public string Text { get; set; } = text;

    public IReadOnlyList<TextEntity> Entities { get; set; } = entities;

    /// <summary>The text links' URLs, in entity order: what the Signals port calls a post's links.</summary>
    public IReadOnlyList<string> Links => Entities.Where(e => e.Kind == TextEntityKind.TextUrl && e.Url is not null).Select(e => e.Url!).ToList();

    public long? SenderUserId { get; } = senderUserId;

    public long? RandomId { get; } = randomId;

    public bool IsDeleted { get; set; }

    /// <summary>The pts its new-message event got: in the channel's box, or in the sender's common box.</summary>
    public int NewPts { get; set; }

    public ChannelPost ToPost(long channelId) => new(channelId, Id, Date, EditDate, Text, Links);

    public ReceivedMessage ToReceived(long peerId) => new(peerId, Id, SenderUserId, Text, Links, RandomId, Date, EditDate);

    public WorldMessage ToWorldMessage(ChatRoom room) => new(room.Id, room.Kind, Id, SenderUserId, Date, EditDate, Text, Entities);
}
