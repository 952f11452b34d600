namespace Signals.Sessions;

/// <summary>Configuration section <c>Signals:Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "Signals:Sessions";

    /// <summary>How often the grain drains pushed updates from its connection.</summary>
    public TimeSpan PumpInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>First delay after a failed connect; doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Period of the reminder that brings a logged-in session back after its silo died.</summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most updates dispatched in one turn, so sends are not starved by a busy feed.</summary>
    public int MaxUpdatesPerTurn { get; set; } = 200;
}
