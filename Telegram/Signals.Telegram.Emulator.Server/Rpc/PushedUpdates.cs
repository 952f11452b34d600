using Signals.Telegram.Emulator.World;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Emulator.Server;

/// <summary>The world's update-box entries as Telegram's update objects, for pushes and differences.</summary>
internal static class PushedUpdates
{
    /// <summary>One entry as Telegram's Update (null for a new/edit event whose message is gone since).</summary>
    public static Update? Update(WorldUpdate update, long viewerId)
    {
        var channel = update.RoomKind == PeerKind.Channel;
        return update.Kind switch
        {
            WorldUpdateKind.DeleteMessages when channel => new UpdateDeleteChannelMessages { ChannelId = update.RoomId, Messages = [.. update.DeletedIds], Pts = update.Pts, PtsCount = update.PtsCount },
            WorldUpdateKind.DeleteMessages => new UpdateDeleteMessages { Messages = [.. update.DeletedIds], Pts = update.Pts, PtsCount = update.PtsCount },
            _ when update.Message is null => null,
            WorldUpdateKind.NewMessage when channel => new UpdateNewChannelMessage { Message = TlViews.Message(update.Message, viewerId), Pts = update.Pts, PtsCount = update.PtsCount },
            WorldUpdateKind.NewMessage => new UpdateNewMessage { Message = TlViews.Message(update.Message, viewerId), Pts = update.Pts, PtsCount = update.PtsCount },
            WorldUpdateKind.EditMessage when channel => new UpdateEditChannelMessage { Message = TlViews.Message(update.Message, viewerId), Pts = update.Pts, PtsCount = update.PtsCount },
            _ => new UpdateEditMessage { Message = TlViews.Message(update.Message, viewerId), Pts = update.Pts, PtsCount = update.PtsCount },
        };
    }

    /// <summary>A pushed entry as the <c>updates</c> Telegram sends, with the users and chats it mentions.</summary>
    public static UpdatesFull? Push(WorldUpdate update, WorldConnection world, long viewerId, DateTimeOffset now)
    {
        if (Update(update, viewerId) is not { } one)
        {
            return null;
        }

        var mentions = new Mentions(world, viewerId).AddPeer(update.RoomId).Add(update.Message);
        return new UpdatesFull { Updates = [one], Users = mentions.Users, Chats = mentions.Chats, Date = TlViews.Seconds(now), Seq = 0 };
    }
}
