namespace Signals.Telegram.Emulator.World;

/// <summary>Which pushed updates a connection reads.</summary>
public enum ConnectionFeed
{
    /// <summary>The port's <see cref="Signals.Telegram.Model.ChannelUpdate"/>s of joined channels (<see cref="WorldConnection.Updates"/>).</summary>
    ChannelUpdates,

    /// <summary>
    /// Update-box entries with pts (<see cref="WorldConnection.BoxUpdates"/>): joined channels' events and the
    /// account's common box, what a protocol front end turns into Telegram's updates.
    /// </summary>
    UpdateBoxes,
}
