namespace Signals.Telegram.Emulator.World;

/// <summary>Connections per session name, whatever keys they use; guarded by the world's lock.</summary>
internal sealed class SessionStats
{
    public int Live { get; set; }

    public int MaxLive { get; set; }

    /// <summary>Connections with a client session id that count as live: used, and not overtaken by a newer one.</summary>
    public List<WorldConnection> Active { get; } = [];
}
