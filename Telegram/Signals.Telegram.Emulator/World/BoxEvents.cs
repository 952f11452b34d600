namespace Signals.Telegram.Emulator.World;

/// <summary>
/// Part of an update box's log: <see cref="Events"/> after the asked pts (oldest first, capped), and the box's
/// current <see cref="Pts"/>. A new or edit event whose message was deleted since carries no message.
/// </summary>
public sealed record BoxEvents(IReadOnlyList<WorldUpdate> Events, int Pts);
