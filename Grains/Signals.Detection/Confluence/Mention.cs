namespace Signals.Detection;

/// <summary>
/// One channel post mentioning a token. <see cref="At"/> is when the mention came into being: the post time, or
/// the edit time for a token that an edit added. A mention whose <see cref="DeletedAt"/> has passed no longer counts.
/// </summary>
public sealed record Mention(string Channel, long MessageId, DateTimeOffset At, DateTimeOffset? DeletedAt);
