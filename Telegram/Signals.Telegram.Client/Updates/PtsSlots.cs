using Signals.Telegram.Client.Peers;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Updates;

/// <summary>
/// Which updates carry pts and in which box (https://core.telegram.org/api/updates#update-handling): channel
/// updates count in their channel's box, message updates of private chats and groups in the common box.
/// </summary>
internal static class PtsSlots
{
    public static PtsSlot? Of(Update update) => update switch
    {
        UpdateNewChannelMessage { Message: var message } created => Channel(message, created.Pts, created.PtsCount),
        UpdateEditChannelMessage { Message: var message } edited => Channel(message, edited.Pts, edited.PtsCount),
        UpdateDeleteChannelMessages deleted => new PtsSlot(deleted.ChannelId, deleted.Pts, deleted.PtsCount),
        UpdateChannelWebPage page => new PtsSlot(page.ChannelId, page.Pts, page.PtsCount),
        UpdatePinnedChannelMessages pinned => new PtsSlot(pinned.ChannelId, pinned.Pts, pinned.PtsCount),
        UpdateNewMessage created => Common(created.Pts, created.PtsCount),
        UpdateEditMessage edited => Common(edited.Pts, edited.PtsCount),
        UpdateDeleteMessages deleted => Common(deleted.Pts, deleted.PtsCount),
        UpdateReadHistoryInbox read => Common(read.Pts, read.PtsCount),
        UpdateReadHistoryOutbox read => Common(read.Pts, read.PtsCount),
        UpdateWebPage page => Common(page.Pts, page.PtsCount),
        UpdateReadMessagesContents read => Common(read.Pts, read.PtsCount),
        UpdatePinnedMessages pinned => Common(pinned.Pts, pinned.PtsCount),
        UpdateFolderPeers folders => Common(folders.Pts, folders.PtsCount),
        _ => null,
    };

    private static PtsSlot? Channel(MessageBase message, int pts, int ptsCount) =>
        PeerOf(message) is { } peer && TlPeers.ChannelOf(peer) is { } channelId ? new PtsSlot(channelId, pts, ptsCount) : null;

    private static PtsSlot Common(int pts, int ptsCount) => new(PtsSlot.CommonBox, pts, ptsCount);

    public static Peer? PeerOf(MessageBase message) => message switch
    {
        Message ordinary => ordinary.PeerId,
        MessageService service => service.PeerId,
        MessageEmpty empty => empty.PeerId,
        _ => null,
    };
}
