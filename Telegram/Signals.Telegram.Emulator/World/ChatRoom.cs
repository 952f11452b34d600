using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// Anything that holds messages: a channel, a group, or a user's inbox (for messages sent to a user).
/// Guarded by the world's lock.
/// </summary>
internal sealed class ChatRoom(long id, PeerKind kind, string? username, string title, long accessHash)
{
    private readonly List<StoredMessage> _messages = [];
    private readonly Dictionary<(long Sender, long RandomId), StoredMessage> _byRandomId = [];

    public long Id { get; } = id;

    public PeerKind Kind { get; } = kind;

    public string? Username { get; } = username;

    public string Title { get; } = title;

    public long AccessHash { get; } = accessHash;

    /// <summary>Users who joined; only they get this channel's pushed updates.</summary>
    public HashSet<long> Members { get; } = [];

    /// <summary>Users allowed to post: a channel's admins, a group's members.</summary>
    public HashSet<long> Writers { get; } = [];

    public int LastMessageId => _messages.Count;

    /// <summary>The channel's own pts and event log (unused for groups and inboxes, which report to their members' common boxes).</summary>
    public UpdateBox Box { get; } = new();

    /// <summary>Messages that still exist.</summary>
    public int Count { get; private set; }

    public WorldChat ToWorldChat() => new(Id, Kind, Username, Title, AccessHash);

    public TelegramPeer ToPeer() => new(Kind, Id, AccessHash, Username, Title);

    public StoredMessage Append(DateTimeOffset date, string text, IReadOnlyList<TextEntity> entities, long? senderUserId, long? randomId)
    {
        // Message ids grow by one per chat, as in a Telegram channel.
        var message = new StoredMessage(_messages.Count + 1, date, text, entities, senderUserId, randomId);
        _messages.Add(message);
        Count++;
        if (senderUserId is { } sender && randomId is { } random)
        {
            _byRandomId[(sender, random)] = message;
        }

        return message;
    }

    public void MarkDeleted(StoredMessage message)
    {
        message.IsDeleted = true;
        Count--;
    }

    public StoredMessage? FindBySenderRandomId(long senderUserId, long randomId) =>
        _byRandomId.GetValueOrDefault((senderUserId, randomId));

    public StoredMessage? Find(int messageId) =>
        messageId >= 1 && messageId <= _messages.Count && !_messages[messageId - 1].IsDeleted ? _messages[messageId - 1] : null;

    /// <summary>The newest message that still exists (Telegram's top message), 0 when there is none.</summary>
    public int TopMessageId()
    {
        for (var index = _messages.Count - 1; index >= 0; index--)
        {
            if (!_messages[index].IsDeleted)
            {
                return _messages[index].Id;
            }
        }

        return 0;
    }

    public List<StoredMessage> After(int afterMessageId, int limit)
    {
        var page = new List<StoredMessage>(Math.Min(limit, 16));
        for (var index = Math.Max(afterMessageId, 0); index < _messages.Count && page.Count < limit; index++)
        {
            if (!_messages[index].IsDeleted)
            {
                page.Add(_messages[index]);
            }
        }

        return page;
    }

    /// <summary>
    /// messages.getHistory (https://core.telegram.org/api/offsets): existing messages newest first; the window
    /// starts at the first one below <c>offset_id</c> (the newest when 0; <c>max_id</c> bounds it when no offset is
    /// given), moved by <c>add_offset</c> (negative reaches newer messages), <c>limit</c> long; only ids strictly
    /// between <c>min_id</c> and <c>max_id</c> stay.
    /// </summary>
    public List<StoredMessage> HistoryPage(HistoryQuery query, int maxLimit)
    {
        var limit = Math.Clamp(query.Limit, 0, maxLimit);
        var offsetId = query.OffsetId > 0 ? query.OffsetId : Math.Max(query.MaxId, 0);

        // Index (in the newest-first list) of the first message below offset_id = existing messages at or above it.
        var position = 0;
        if (offsetId > 0)
        {
            for (var index = _messages.Count - 1; index >= 0 && _messages[index].Id >= offsetId; index--)
            {
                position += _messages[index].IsDeleted ? 0 : 1;
            }
        }

        var start = (long)position + query.AddOffset;
        if (start < 0)
        {
            // The window reaches above the newest message: it only keeps what exists.
            limit = (int)Math.Max(0, limit + start);
            start = 0;
        }

        var page = new List<StoredMessage>(Math.Min(limit, 16));
        var seen = 0L;
        for (var index = _messages.Count - 1; index >= 0 && seen < start + limit; index--)
        {
            var message = _messages[index];
            if (message.IsDeleted)
            {
                continue;
            }

            if (seen++ < start)
            {
                continue;
            }

            if ((query.MaxId <= 0 || message.Id < query.MaxId) && message.Id > query.MinId)
            {
                page.Add(message);
            }
        }

        return page;
    }
}
