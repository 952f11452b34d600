using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>One message of a chat; deleted messages stay in place (flagged) so ids keep indexing the list.</summary>
internal sealed class StoredMessage(int id, DateTimeOffset date, string text, IReadOnlyList<string> links, long? senderUserId, long? randomId)
{
    public int Id { get; } = id;

    public DateTimeOffset Date { get; } = date;

    public DateTimeOffset? EditDate { get; set; }

    public string Text { get; set; } = text;

    public IReadOnlyList<string> Links { get; set; } = links;

    public long? SenderUserId { get; } = senderUserId;

    public long? RandomId { get; } = randomId;

    public bool IsDeleted { get; set; }

    public ChannelPost ToPost(long channelId) => new(channelId, Id, Date, EditDate, Text, Links);

    public ReceivedMessage ToReceived(long peerId) => new(peerId, Id, SenderUserId, Text, Links, RandomId, Date, EditDate);
}
