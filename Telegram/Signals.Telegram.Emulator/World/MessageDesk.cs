using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// messages.sendMessage and the admin's post / edit / delete, with their update-box events and pushes; guarded by
/// the world's lock. A channel's events go to the channel's box; a message to a user or group goes to the common
/// box of every account in the conversation.
/// </summary>
internal sealed class MessageDesk(TelegramWorld world)
{
    // Telegram's limit for one text message.
    private const int MaxMessageLength = 4096;

    public WorldSendResult Send(WorldConnection connection, TelegramPeer destination, string text, IReadOnlyList<TextEntity> entities, long randomId)
    {
        var user = world.Connections.RequireUser(connection);
        var room = world.Chats.Require(destination);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TelegramPermanentException("MESSAGE_EMPTY", "MESSAGE_EMPTY: the message has no text");
        }

        if (text.Length > MaxMessageLength)
        {
            throw new TelegramPermanentException("MESSAGE_TOO_LONG", "MESSAGE_TOO_LONG: the message is longer than 4096 characters");
        }

        var now = world.Now();
        world.Faults.ThrowIfSendFaulted(connection.SessionName, user.Id, now);
        if (!CanWrite(room, user))
        {
            throw new TelegramPermanentException("CHAT_WRITE_FORBIDDEN", "CHAT_WRITE_FORBIDDEN: this account may not write here");
        }

        if (room.FindBySenderRandomId(user.Id, randomId) is { } earlier)
        {
            world.Counters.Increment(CounterKind.DuplicateSendsSuppressed);
            world.Faults.ThrowIfDuplicateRandomIdAnswered();
            return new WorldSendResult(new SentMessage(room.Id, earlier.Id, earlier.Date, WasDuplicate: true), earlier.ToWorldMessage(room), earlier.NewPts, 1);
        }

        var message = room.Append(now, text, ValidEntities(text, entities), user.Id, randomId);
        world.Counters.Increment(CounterKind.MessagesSent);
        var pts = room.Kind == PeerKind.Channel
            ? AddChannelEvent(room, WorldUpdateKind.NewMessage, message, [], connection)
            : AddCommonEvents(room, WorldUpdateKind.NewMessage, message, user.Id, connection);
        message.NewPts = pts;

        // The message is stored; only the answer goes missing, the way a reply is lost with a dropped socket.
        world.Faults.ThrowIfReplyLost(connection.SessionName);
        return new WorldSendResult(new SentMessage(room.Id, message.Id, message.Date, WasDuplicate: false), message.ToWorldMessage(room), pts, 1);
    }

    public ChannelPost Post(ChatRoom channel, string text, IReadOnlyList<TextEntity> entities)
    {
        var message = channel.Append(world.Now(), text, ValidEntities(text, entities), senderUserId: null, randomId: null);
        world.Counters.Increment(CounterKind.PostsPublished);
        message.NewPts = AddChannelEvent(channel, WorldUpdateKind.NewMessage, message, [], origin: null);
        return message.ToPost(channel.Id);
    }

    public ChannelPost Edit(ChatRoom channel, int messageId, string text, IReadOnlyList<TextEntity> entities)
    {
        var message = channel.Find(messageId) ?? throw new ArgumentException($"message {messageId} does not exist in {channel.Id}", nameof(messageId));
        message.Text = text;
        message.Entities = ValidEntities(text, entities);
        message.EditDate = world.Now();
        AddChannelEvent(channel, WorldUpdateKind.EditMessage, message, [], origin: null);
        return message.ToPost(channel.Id);
    }

    public IReadOnlyList<int> Delete(ChatRoom channel, IEnumerable<int> messageIds)
    {
        var deleted = new List<int>();
        foreach (var id in messageIds.Distinct())
        {
            if (channel.Find(id) is { } message)
            {
                channel.MarkDeleted(message);
                deleted.Add(id);
            }
        }

        if (deleted.Count > 0)
        {
            AddChannelEvent(channel, WorldUpdateKind.DeleteMessages, null, deleted, origin: null);
        }

        return deleted;
    }

    /// <summary>Logs a channel event, pushes it to the members' connections, and returns the channel's new pts.</summary>
    private int AddChannelEvent(ChatRoom channel, WorldUpdateKind kind, StoredMessage? message, IReadOnlyList<int> deleted, WorldConnection? origin)
    {
        var entry = channel.Box.Add(kind, channel, kind == WorldUpdateKind.DeleteMessages ? deleted.Count : 1, message?.Id ?? 0, deleted);
        var snapshot = message?.ToWorldMessage(channel);
        var classic = kind switch
        {
            WorldUpdateKind.NewMessage => ChannelUpdate.New(message!.ToPost(channel.Id)),
            WorldUpdateKind.EditMessage => ChannelUpdate.Edited(message!.ToPost(channel.Id)),
            _ => ChannelUpdate.Deleted(channel.Id, deleted),
        };
        world.Connections.PushToMembers(channel, classic, new WorldUpdate(kind, channel.Id, channel.Kind, entry.Pts, entry.PtsCount, snapshot, deleted), origin);
        return entry.Pts;
    }

    /// <summary>Logs a message in the common box of every account in the conversation; returns the sender's new pts.</summary>
    private int AddCommonEvents(ChatRoom room, WorldUpdateKind kind, StoredMessage message, long senderId, WorldConnection origin)
    {
        var accounts = room.Kind == PeerKind.User ? new HashSet<long> { senderId, room.Id } : new HashSet<long>(room.Members) { senderId };
        var senderPts = 0;
        var snapshot = message.ToWorldMessage(room);
        foreach (var accountId in accounts)
        {
            if (world.Users.ById(accountId) is not { } account)
            {
                continue;
            }

            var entry = account.Box.Add(kind, room, 1, message.Id, []);
            senderPts = accountId == senderId ? entry.Pts : senderPts;
            world.Connections.PushToUser(accountId, new WorldUpdate(kind, room.Id, room.Kind, entry.Pts, 1, snapshot, []), origin);
        }

        return senderPts;
    }

    private static IReadOnlyList<TextEntity> ValidEntities(string text, IReadOnlyList<TextEntity> entities)
    {
        // Telegram drops entities that fall outside the text rather than refusing the message.
        return entities.Where(e => e.Offset >= 0 && e.Length > 0 && e.Offset + (long)e.Length <= text.Length
            && (e.Kind != TextEntityKind.TextUrl || !string.IsNullOrWhiteSpace(e.Url))).ToList();
    }

    private static bool CanWrite(ChatRoom room, UserAccount user) =>
        room.Kind == PeerKind.User || room.Writers.Contains(user.Id);
}
