namespace Signals.Sessions;

/// <summary>A channel post as the grains pass it around. <see cref="Links"/>: URLs of hidden text-link entities.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Sessions.PostSnapshot")]
public sealed record PostSnapshot(
    [property: Id(0)] string Channel,
    [property: Id(1)] int MessageId,
    [property: Id(2)] DateTimeOffset Date,
    [property: Id(3)] DateTimeOffset? EditDate,
    [property: Id(4)] string Text,
    [property: Id(5)] IReadOnlyList<string> Links);
