namespace Signals.Telegram.Emulator.World;

/// <summary>How the emulated Telegram behaves. The defaults follow Telegram where Telegram is known.</summary>
public sealed class WorldOptions
{
    /// <summary>How long an issued login code stays valid.</summary>
    public TimeSpan LoginCodeLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Telegram destroys an auth key that is live on two connections at once (AUTH_KEY_DUPLICATED). Turn off only
    /// to observe how often a system would have tripped the rule without being punished for it.
    /// </summary>
    public bool RevokeAuthKeyOnDuplicate { get; init; } = true;

    /// <summary>
    /// Test phone numbers of the form 99966XYYYY get the code "XXXXX", as on Telegram's test DCs
    /// (https://core.telegram.org/api/auth, "Test accounts"), so an operator can log in to the demo by hand.
    /// </summary>
    public bool TestAccountCodes { get; init; } = true;

    /// <summary>
    /// Pushed updates a connection may have unread before the world gives up on it and closes it (UPDATES_TOO_LONG),
    /// the way Telegram tells a lagging client to fetch the difference instead of queueing forever.
    /// </summary>
    public int UpdateQueueCapacity { get; init; } = 10_000;

    /// <summary>Telegram's own cap on one messages.getHistory page.</summary>
    public int HistoryPageLimit { get; init; } = 100;

    /// <summary>Seeds login codes and code hashes; null draws from a shared random source.</summary>
    public int? Seed { get; init; }

    /// <summary>Mixed into access hashes so that two worlds built alike hand out the same hashes.</summary>
    public long AccessHashSalt { get; init; } = 0x5167_6e61_6c73_2021;
}
