using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>messages.sendMessage and the admin's post / edit / delete; guarded by the world's lock.</summary>
internal sealed class MessageDesk(TelegramWorld world)
{
    // Telegram's limit for one text message.
    private const int MaxMessageLength = 4096;

    public SentMessage Send(WorldConnection connection, TelegramPeer destination, string text, IReadOnlyList<string> links, long randomId)
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
            return new SentMessage(room.Id, earlier.Id, earlier.Date, WasDuplicate: true);
        }

        var message = room.Append(now, text, links, user.Id, randomId);
        world.Counters.Increment(CounterKind.MessagesSent);
        if (room.Kind == PeerKind.Channel)
        {
            world.Connections.Push(room, ChannelUpdate.New(message.ToPost(room.Id)));
        }

        // The message is stored; only the answer goes missing, the way a reply is lost with a dropped socket.
        world.Faults.ThrowIfReplyLost(connection.SessionName);
        return new SentMessage(room.Id, message.Id, message.Date, WasDuplicate: false);
    }

    public ChannelPost Post(ChatRoom channel, string text, IReadOnlyList<string> links)
    {
        var message = channel.Append(world.Now(), text, links, senderUserId: null, randomId: null);
        var post = message.ToPost(channel.Id);
        world.Counters.Increment(CounterKind.PostsPublished);
        world.Connections.Push(channel, ChannelUpdate.New(post));
        return post;
    }

    public ChannelPost Edit(ChatRoom channel, int messageId, string text, IReadOnlyList<string> links)
    {
        var message = channel.Find(messageId) ?? throw new ArgumentException($"message {messageId} does not exist in {channel.Id}", nameof(messageId));
        message.Text = text;
        message.Links = links;
        message.EditDate = world.Now();
        var post = message.ToPost(channel.Id);
        world.Connections.Push(channel, ChannelUpdate.Edited(post));
        return post;
    }

    public IReadOnlyList<int> Delete(ChatRoom channel, IEnumerable<int> messageIds)
    {
        var deleted = new List<int>();
        foreach (var id in messageIds.Distinct())
        {
            if (channel.Find(id) is { } message)
            {
                message.IsDeleted = true;
                deleted.Add(id);
            }
        }

        if (deleted.Count > 0)
        {
            world.Connections.Push(channel, ChannelUpdate.Deleted(channel.Id, deleted));
        }

        return deleted;
    }

    private static bool CanWrite(ChatRoom room, UserAccount user) =>
        room.Kind == PeerKind.User || room.Writers.Contains(user.Id);
}
