namespace Signals.Telegram.Model;

public enum ChannelUpdateKind
{
    NewPost = 0,
    EditedPost = 1,
    DeletedPosts = 2,
}
