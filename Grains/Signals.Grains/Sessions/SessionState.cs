namespace Signals.Sessions;

/// <summary>
/// Everything a session must keep across silos and restarts. <see cref="Blob"/> is the connection's own state
/// (auth keys, salts, DC, update state) as the connection handed it over.
/// </summary>
[GenerateSerializer]
[Alias("Signals.Sessions.SessionState")]
public sealed class SessionState
{
    [Id(0)]
    public byte[]? Blob { get; set; }

    [Id(1)]
    public bool LoggedIn { get; set; }

    [Id(2)]
    public long? UserId { get; set; }

    [Id(3)]
    public string? DisplayName { get; set; }

    /// <summary>Resolved peers by normalised name ("calls", "alerts", or a numeric id).</summary>
    [Id(4)]
    public Dictionary<string, PeerCacheEntry> Peers { get; set; } = [];

    /// <summary>Channels this session reads (normalised names).</summary>
    [Id(5)]
    public List<string> Channels { get; set; } = [];

    [Id(6)]
    public long PostsDispatched { get; set; }

    [Id(7)]
    public long MessagesSent { get; set; }

    [Id(8)]
    public int Reconnects { get; set; }
}
