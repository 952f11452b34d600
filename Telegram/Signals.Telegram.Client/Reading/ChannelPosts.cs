using Signals.Telegram.Client.Peers;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Reading;

/// <summary>Telegram messages to the port's <see cref="ChannelPost"/>: text, dates and the URLs of link entities.</summary>
internal static class ChannelPosts
{
    /// <summary>The post, or null for what is not a channel's ordinary message (service messages, empty slots, chats).</summary>
    public static ChannelPost? From(MessageBase message)
    {
        if (message is not Message { PeerId: var peer } ordinary || TlPeers.ChannelOf(peer) is not { } channelId)
        {
            return null;
        }

        return new ChannelPost(
            channelId,
            ordinary.Id,
            DateTimeOffset.FromUnixTimeSeconds(ordinary.Date),
            ordinary.EditDate is { } edited ? DateTimeOffset.FromUnixTimeSeconds(edited) : null,
            ordinary.MessageValue,
            Links(ordinary.MessageValue, ordinary.Entities));
    }

    /// <summary>
    /// Hidden text links (messageEntityTextUrl) carry their URL; visible URLs (messageEntityUrl) are the text they
    /// cover, offsets and lengths in UTF-16 code units as in .NET strings (https://core.telegram.org/api/entities).
    /// </summary>
    public static IReadOnlyList<string> Links(string text, IReadOnlyList<MessageEntity>? entities)
    {
        var links = new List<string>();
        foreach (var entity in entities ?? [])
        {
            switch (entity)
            {
                case MessageEntityTextUrl textUrl when textUrl.Url.Length > 0:
                    links.Add(textUrl.Url);
                    break;
                case MessageEntityUrl url when url.Offset >= 0 && url.Length > 0 && url.Offset + url.Length <= text.Length:
                    links.Add(text.Substring(url.Offset, url.Length));
                    break;
            }
        }

        return links;
    }
}
