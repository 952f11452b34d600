namespace Signals.Sessions;

[GenerateSerializer]
[Alias("Signals.Sessions.SessionConnectionState")]
public enum SessionConnectionState
{
    Disconnected = 0,
    Connecting = 1,
    Connected = 2,
    NeedsLogin = 3,
    AwaitingCode = 4,
    AwaitingPassword = 5,
    Backoff = 6,

    /// <summary>Another activation (another silo or cluster) holds the session's lease; this one does not connect.</summary>
    OwnedElsewhere = 7,
}
