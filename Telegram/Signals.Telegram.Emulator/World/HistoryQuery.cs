namespace Signals.Telegram.Emulator.World;

/// <summary>messages.getHistory's paging arguments, with Telegram's meaning (https://core.telegram.org/api/offsets).</summary>
public sealed record HistoryQuery(int OffsetId = 0, int AddOffset = 0, int Limit = 100, int MaxId = 0, int MinId = 0);
