using Signals.Catalog;
using Signals.Sessions;

namespace Signals.Client.Output;

/// <summary>A session as the CLI shows it: its catalog role and its grain's status. No secrets exist in either.</summary>
public sealed record SessionView(
    string Name,
    SessionRole? Role,
    SessionConnectionState State,
    bool LoggedIn,
    long? UserId,
    string? DisplayName,
    IReadOnlyList<string> Channels,
    string? Silo,
    DateTimeOffset? ConnectedSince,
    int Reconnects,
    long PostsDispatched,
    long MessagesSent,
    string? LastError,
    string? OwnershipNote)
{
    public static SessionView From(SessionStatus s, SessionRole? role) => new(
        s.Name, role, s.State, s.LoggedIn, s.UserId, s.DisplayName, s.Channels, s.Silo, s.ConnectedSince,
        s.Reconnects, s.PostsDispatched, s.MessagesSent, s.LastError, s.OwnershipNote);
}
