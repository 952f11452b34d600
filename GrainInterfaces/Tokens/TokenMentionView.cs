namespace Signals.Tokens;

[GenerateSerializer, Immutable]
[Alias("Signals.Tokens.TokenMentionView")]
public sealed record TokenMentionView(
    [property: Id(0)] string Channel,
    [property: Id(1)] int MessageId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateTimeOffset? DeletedAt);
