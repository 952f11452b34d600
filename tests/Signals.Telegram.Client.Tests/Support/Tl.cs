using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>Small builders for the TL objects the tests feed the client.</summary>
internal static class TlBuild
{
    public const int Date = 1_700_000_000;

    public static Message Post(long channelId, int id, string text, int? editDate = null) => new()
    {
        Id = id,
        PeerId = new PeerChannel { ChannelId = channelId },
        Date = Date + id,
        MessageValue = text,
        EditDate = editDate,
        Post = true,
    };

    public static UpdateNewChannelMessage New(long channelId, int id, int pts) =>
        new() { Message = Post(channelId, id, $"post {id}"), Pts = pts, PtsCount = 1 };

    public static UpdateEditChannelMessage Edit(long channelId, int id, int pts, string text) =>
        new() { Message = Post(channelId, id, text, Date + 1000), Pts = pts, PtsCount = 1 };

    public static UpdateDeleteChannelMessages Delete(long channelId, int pts, params int[] ids) =>
        new() { ChannelId = channelId, Messages = [.. ids], Pts = pts, PtsCount = ids.Length };

    public static UpdatesFull Push(params Update[] updates) => new() { Updates = [.. updates], Date = Date, Seq = 0 };

    public static Channel Channel(long id, long accessHash, string username) => new()
    {
        Id = id,
        AccessHash = accessHash,
        Title = username,
        Username = username,
        Photo = new ChatPhotoEmpty(),
        Broadcast = true,
    };
}
