namespace Signals.Sessions;

/// <summary>What the CLI shows for a session. Carries no secret: no phone number, no key, no code.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Sessions.SessionStatus")]
public sealed record SessionStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] SessionConnectionState State,
    [property: Id(2)] bool LoggedIn,
    [property: Id(3)] long? UserId,
    [property: Id(4)] string? DisplayName,
    [property: Id(5)] IReadOnlyList<string> Channels,
    [property: Id(6)] string? Silo,
    [property: Id(7)] DateTimeOffset? ConnectedSince,
    [property: Id(8)] int Reconnects,
    [property: Id(9)] long PostsDispatched,
    [property: Id(10)] long MessagesSent,
    [property: Id(11)] string? LastError,
    [property: Id(12)] string? OwnershipNote);
