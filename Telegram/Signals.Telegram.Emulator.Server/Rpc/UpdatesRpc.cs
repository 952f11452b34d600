using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Updates;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// updates.getState, updates.getDifference (the account's common box) and updates.getChannelDifference
/// (https://core.telegram.org/api/updates): what a client calls to fill a pts gap.
/// </summary>
internal static class UpdatesRpc
{
    // How long a client should wait before polling a channel again, as Telegram's answers suggest.
    private const int PollTimeoutSeconds = 30;

    public static bool Handles(TlFunction request) => request is GetState or GetDifference or GetChannelDifference;

    public static TlObject Answer(TlFunction request, WorldConnection world, MtprotoServerOptions options, TimeProvider time) => request switch
    {
        GetState => CommonState(world.GetCommonPts(), time),
        GetDifference difference => Difference(world, difference, options, time),
        GetChannelDifference channel => ChannelDifference(world, channel, options),
        _ => throw new ArgumentException($"Not an updates call: {request.GetType().Name}.", nameof(request)),
    };

    private static State CommonState(int pts, TimeProvider time) =>
        new() { Pts = pts, Qts = 0, Seq = 0, Date = TlViews.Seconds(time.GetUtcNow()), UnreadCount = 0 };

    private static DifferenceBase Difference(WorldConnection world, GetDifference request, MtprotoServerOptions options, TimeProvider time)
    {
        var me = PeerInputs.Me(world);
        var current = world.GetCommonPts();
        var gap = (long)current - request.Pts;
        if (gap <= 0)
        {
            return new DifferenceEmpty { Date = TlViews.Seconds(time.GetUtcNow()), Seq = 0 };
        }

        var tooLong = Math.Min(options.DifferenceTooLongThreshold, request.PtsTotalLimit is > 0 and var total ? total : int.MaxValue);
        if (gap > tooLong || request.Pts < 0)
        {
            return new DifferenceTooLong { Pts = current };
        }

        var events = world.GetCommonEvents(request.Pts, Math.Max(1, options.DifferenceSliceLimit));
        var (messages, others, mentions) = Split(world, events.Events, me);
        var reached = events.Events.Count > 0 ? events.Events[^1].Pts : current;
        var state = CommonState(reached, time);
        return reached >= events.Pts
            ? new Difference { NewMessages = messages, OtherUpdates = others, Chats = mentions.Chats, Users = mentions.Users, State = state }
            : new DifferenceSlice { NewMessages = messages, OtherUpdates = others, Chats = mentions.Chats, Users = mentions.Users, IntermediateState = state };
    }

    private static ChannelDifferenceBase ChannelDifference(WorldConnection world, GetChannelDifference request, MtprotoServerOptions options)
    {
        var me = PeerInputs.Me(world);
        var channel = PeerInputs.Channel(world, request.Channel);
        if (request.Pts <= 0)
        {
            throw new TelegramPermanentException("PERSISTENT_TIMESTAMP_EMPTY", "PERSISTENT_TIMESTAMP_EMPTY: pts must be positive");
        }

        var limit = Math.Clamp(request.Limit, 1, Math.Max(1, options.ChannelDifferenceLimitCap));
        var (current, top) = world.GetChannelState(channel);
        if (request.Pts >= current)
        {
            return new ChannelDifferenceEmpty { Final = true, Pts = current, Timeout = PollTimeoutSeconds };
        }

        if (current - (long)request.Pts > options.DifferenceTooLongThreshold)
        {
            return TooLong(world, channel, current, top, limit, me);
        }

        var events = world.GetChannelEvents(channel, request.Pts, limit);
        var (messages, others, mentions) = Split(world, events.Events, me);
        mentions.AddPeer(channel.Id);
        var reached = events.Events.Count > 0 ? events.Events[^1].Pts : current;
        return new ChannelDifference
        {
            Final = reached >= events.Pts,
            Pts = reached,
            Timeout = PollTimeoutSeconds,
            NewMessages = messages,
            OtherUpdates = others,
            Chats = mentions.Chats,
            Users = mentions.Users,
        };
    }

    /// <summary>Too far behind: the dialog as it is now and its latest messages; the client drops what it had and starts over.</summary>
    private static ChannelDifferenceTooLong TooLong(WorldConnection world, TelegramPeer channel, int pts, int top, int limit, long me)
    {
        var page = world.GetHistoryPage(channel, new HistoryQuery(Limit: limit));
        var mentions = new Mentions(world, me).AddPeer(channel.Id);
        foreach (var message in page.Messages)
        {
            mentions.Add(message);
        }

        return new ChannelDifferenceTooLong
        {
            Final = true,
            Timeout = PollTimeoutSeconds,
            Dialog = new Dialog
            {
                Peer = TlViews.Peer(PeerKind.Channel, channel.Id),
                TopMessage = top,
                ReadInboxMaxId = top,
                ReadOutboxMaxId = top,
                NotifySettings = new PeerNotifySettings(),
                Pts = pts,
            },
            Messages = page.Messages.Select(m => (MessageBase)TlViews.Message(m, me)).ToList(),
            Chats = mentions.Chats,
            Users = mentions.Users,
        };
    }

    /// <summary>New messages apart, every other event (edits, deletions) as its update, and what they mention.</summary>
    private static (List<MessageBase> Messages, List<Update> Others, Mentions Mentions) Split(WorldConnection world, IReadOnlyList<WorldUpdate> events, long me)
    {
        var messages = new List<MessageBase>();
        var others = new List<Update>();
        var mentions = new Mentions(world, me);
        foreach (var update in events)
        {
            mentions.Add(update.Message);
            if (update.Kind == WorldUpdateKind.NewMessage)
            {
                if (update.Message is { } message)
                {
                    messages.Add(TlViews.Message(message, me));
                }
            }
            else if (PushedUpdates.Update(update, me) is { } other)
            {
                others.Add(other);
            }
        }

        return (messages, others, mentions);
    }
}
