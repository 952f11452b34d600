namespace Signals.Tokens;

[GenerateSerializer]
[Alias("Signals.Tokens.MentionRecord")]
public sealed record MentionRecord(
    [property: Id(0)] string Channel,
    [property: Id(1)] int MessageId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateTimeOffset? DeletedAt);
