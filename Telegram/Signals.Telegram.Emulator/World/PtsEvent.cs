namespace Signals.Telegram.Emulator.World;

/// <summary>An update box's log entry: what happened to which message(s) of which room, and the pts after it.</summary>
internal sealed record PtsEvent(WorldUpdateKind Kind, ChatRoom Room, int Pts, int PtsCount, int MessageId, IReadOnlyList<int> DeletedIds);
