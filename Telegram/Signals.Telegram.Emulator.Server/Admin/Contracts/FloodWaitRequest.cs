namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>The next <see cref="Count"/> sends (1 when absent) get FLOOD_WAIT_<see cref="Seconds"/>.</summary>
public sealed record FloodWaitRequest(int? Seconds, int? Count = null, string? Session = null);
