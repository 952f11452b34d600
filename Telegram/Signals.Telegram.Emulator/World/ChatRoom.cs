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

    public WorldChat ToWorldChat() => new(Id, Kind, Username, Title, AccessHash);

    public TelegramPeer ToPeer() => new(Kind, Id, AccessHash, Username, Title);

    public StoredMessage Append(DateTimeOffset date, string text, IReadOnlyList<string> links, long? senderUserId, long? randomId)
    {
        // Message ids grow by one per chat, as in a Telegram channel.
        var message = new StoredMessage(_messages.Count + 1, date, text, links, senderUserId, randomId);
        _messages.Add(message);
        if (senderUserId is { } sender && randomId is { } random)
        {
            _byRandomId[(sender, random)] = message;
        }

        return message;
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
}
