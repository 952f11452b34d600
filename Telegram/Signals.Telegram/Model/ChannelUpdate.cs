namespace Signals.Telegram.Model;

/// <summary>
/// A pushed change in a channel. <see cref="Post"/> is set for new and edited posts;
/// <see cref="DeletedMessageIds"/> for deletions.
/// </summary>
public sealed record ChannelUpdate(
    ChannelUpdateKind Kind,
    long ChannelId,
    ChannelPost? Post,
    IReadOnlyList<int> DeletedMessageIds)
{
    public static ChannelUpdate New(ChannelPost post) => new(ChannelUpdateKind.NewPost, post.ChannelId, post, []);

    public static ChannelUpdate Edited(ChannelPost post) => new(ChannelUpdateKind.EditedPost, post.ChannelId, post, []);

    public static ChannelUpdate Deleted(long channelId, IReadOnlyList<int> ids) => new(ChannelUpdateKind.DeletedPosts, channelId, null, ids);
}
