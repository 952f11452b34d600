namespace Signals.Sessions;

/// <summary>The session grain's state in memory; persisted by <see cref="Ownership.SessionVault"/>, not by Orleans storage.</summary>
internal sealed class SessionStateHolder
{
    public SessionState State { get; set; } = new();
}
