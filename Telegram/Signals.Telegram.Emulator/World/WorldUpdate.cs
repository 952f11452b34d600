using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// One entry of an update box. A channel's own box (<see cref="RoomKind"/> Channel) counts pts per channel; every
/// other message lands in its account's common box, whose pts is the account's. <see cref="Pts"/> is the box's pts
/// after the event, <see cref="PtsCount"/> how many pts the event took (1, or the number of deleted ids).
/// <see cref="Message"/> is set for new and edited messages.
/// </summary>
public sealed record WorldUpdate(
    WorldUpdateKind Kind,
    long RoomId,
    PeerKind RoomKind,
    int Pts,
    int PtsCount,
    WorldMessage? Message,
    IReadOnlyList<int> DeletedIds);
