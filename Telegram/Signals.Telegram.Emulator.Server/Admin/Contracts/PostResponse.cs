using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

public sealed record PostResponse(long ChannelId, int MessageId, string Text, IReadOnlyList<string> Links, DateTimeOffset Date, DateTimeOffset? EditDate)
{
    public static PostResponse From(ChannelPost post) => new(post.ChannelId, post.MessageId, post.Text, post.Links, post.Date, post.EditDate);
}
