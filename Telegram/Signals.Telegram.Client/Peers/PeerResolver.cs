using System.Globalization;
using Microsoft.Extensions.Logging;
using Signals.Telegram.Client.Connection;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using ChannelsGetChannels = Signals.Telegram.Tl.Channels.GetChannels;
using ChatsList = Signals.Telegram.Tl.Messages.Chats;
using ChatsSlice = Signals.Telegram.Tl.Messages.ChatsSlice;
using ResolveUsername = Signals.Telegram.Tl.Contacts.ResolveUsername;

namespace Signals.Telegram.Client.Peers;

/// <summary>
/// Usernames and ids to peers with access hashes. The session's cache answers first; contacts.resolveUsername is only
/// asked on a miss and through a token bucket, because Telegram bans accounts that resolve many names quickly
/// (FLOOD_WAIT on resolveUsername is notorious; see https://core.telegram.org/api/errors#420-flood). A numeric id
/// that is not cached is asked for with channels.getChannels and access hash 0, which Telegram accepts for channels
/// the account can see (https://core.telegram.org/api/min).
/// </summary>
internal sealed class PeerResolver(IMtprotoInvoker invoker, SessionState state, TokenBucket bucket, string sessionName, ILogger logger)
{
    public int ResolveCalls { get; private set; }

    public async Task<TelegramPeer> ResolveAsync(string usernameOrId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(usernameOrId);
        var name = usernameOrId.Trim().TrimStart('@');
        if (long.TryParse(name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            return state.Peer(id) ?? await ChannelByIdAsync(id, cancellationToken);
        }

        if (state.PeerByUsername(name) is { } cached)
        {
            return cached;
        }

        await bucket.TakeAsync(wait => ConnectionLog.ResolveThrottled(logger, sessionName, wait), cancellationToken);
        ResolveCalls++;
        Tl.Contacts.ResolvedPeer resolved;
        try
        {
            resolved = await invoker.CallAsync(new ResolveUsername { Username = name }, cancellationToken);
        }
        catch (TelegramPermanentException error) when (error.ErrorCode is "USERNAME_NOT_OCCUPIED" or "USERNAME_INVALID")
        {
            throw new TelegramNotFoundException(error.ErrorCode, "username");
        }

        TlPeers.Remember(state, resolved.Chats, resolved.Users);
        var peerId = resolved.Peer switch
        {
            PeerChannel channel => channel.ChannelId,
            PeerUser user => user.UserId,
            PeerChat chat => chat.ChatId,
            _ => 0,
        };
        return state.Peer(peerId) ?? throw new TelegramNotFoundException("USERNAME_NOT_OCCUPIED", "username");
    }

    private async Task<TelegramPeer> ChannelByIdAsync(long id, CancellationToken cancellationToken)
    {
        // Bot API style ids (-100xxxxxxxxxx) name the channel xxxxxxxxxx.
        var channelId = id < -1_000_000_000_000 ? -(id + 1_000_000_000_000) : Math.Abs(id);
        if (state.Peer(channelId) is { } cached)
        {
            return cached;
        }

        Tl.Messages.ChatsBase answer;
        try
        {
            answer = await invoker.CallAsync(new ChannelsGetChannels { Id = [new InputChannel { ChannelId = channelId, AccessHash = 0 }] }, cancellationToken);
        }
        catch (TelegramPermanentException error) when (error.ErrorCode is "CHANNEL_INVALID" or "CHANNEL_PRIVATE" or "PEER_ID_INVALID")
        {
            throw new TelegramNotFoundException(error.ErrorCode, "channel");
        }

        var chats = answer switch
        {
            ChatsList list => list.ChatsValue,
            ChatsSlice slice => slice.Chats,
            _ => [],
        };
        TlPeers.Remember(state, chats, null);
        return state.Peer(channelId) ?? throw new TelegramNotFoundException("CHANNEL_INVALID", "channel");
    }
}
