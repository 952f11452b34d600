using Signals.Telegram.Client.Connection;
using Signals.Telegram.Client.Peers;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Messages;
using MessagesList = Signals.Telegram.Tl.Messages.Messages;

namespace Signals.Telegram.Client.Reading;

/// <summary>
/// A channel's posts through messages.getHistory (https://core.telegram.org/api/offsets): Telegram pages newest
/// first; offset_id = after + 1 with add_offset = -limit asks for the page just above <c>after</c>, and min_id
/// keeps anything at or below it out. A page is at most 100 messages, so longer reads page upward.
/// </summary>
internal sealed class HistoryReader(IMtprotoInvoker invoker, SessionState state)
{
    public const int PageLimit = 100;

    public async Task<IReadOnlyList<ChannelPost>> ReadAfterAsync(TelegramPeer channel, int afterMessageId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var posts = new List<ChannelPost>();
        var after = Math.Max(0, afterMessageId);
        while (posts.Count < limit)
        {
            var page = await PageAsync(channel, after, Math.Min(PageLimit, limit - posts.Count), cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            posts.AddRange(page.Select(ChannelPosts.From).OfType<ChannelPost>());
            after = page.Max(message => message.IdOf());
        }

        return posts;
    }

    /// <summary>Messages (posts and service messages) with ids above <paramref name="after"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MessageBase>> PageAsync(TelegramPeer channel, int after, int limit, CancellationToken cancellationToken)
    {
        var answer = await invoker.CallAsync(
            new GetHistory { Peer = TlPeers.ToInputPeer(channel), OffsetId = after + 1, AddOffset = -limit, Limit = limit, MinId = after },
            cancellationToken);
        return [.. Messages(channel, answer).Where(message => message is not MessageEmpty && message.IdOf() > after).OrderBy(message => message.IdOf())];
    }

    public async Task<int> LatestMessageIdAsync(TelegramPeer channel, CancellationToken cancellationToken)
    {
        var answer = await invoker.CallAsync(new GetHistory { Peer = TlPeers.ToInputPeer(channel), Limit = 1 }, cancellationToken);
        return Messages(channel, answer).Select(message => message.IdOf()).DefaultIfEmpty(0).Max();
    }

    /// <summary>The page's messages; chats and users go to the peer cache, and a channel without update state takes its pts.</summary>
    private List<MessageBase> Messages(TelegramPeer channel, MessagesBase answer)
    {
        switch (answer)
        {
            case ChannelMessages page:
                TlPeers.Remember(state, page.Chats, page.Users);
                if (channel.Kind == PeerKind.Channel && state.Channel(channel.Id) is null && page.Pts > 0)
                {
                    // The newest id on this page is the newest this session has seen: where a refetch after
                    // channelDifferenceTooLong starts (LatestMessageIdAsync's page is the channel's newest).
                    var newest = page.Messages.Select(message => message.IdOf()).DefaultIfEmpty(0).Max();
                    state.SetChannel(channel.Id, new ChannelUpdateState(page.Pts, newest));
                }

                return page.Messages;
            case MessagesSlice slice:
                TlPeers.Remember(state, slice.Chats, slice.Users);
                return slice.Messages;
            case MessagesList all:
                TlPeers.Remember(state, all.Chats, all.Users);
                return all.MessagesValue;
            default:
                return [];
        }
    }
}
