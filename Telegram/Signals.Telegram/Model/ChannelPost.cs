namespace Signals.Telegram.Model;

/// <summary>A channel message. <see cref="Links"/> are the URLs of hidden text-link entities.</summary>
public sealed record ChannelPost(
    long ChannelId,
    int MessageId,
    DateTimeOffset Date,
    DateTimeOffset? EditDate,
    string Text,
    IReadOnlyList<string> Links);
