namespace Signals.Telegram.Emulator.World;

/// <summary>An account as the world's administrator sees it. The phone is here; it never goes into an error message.</summary>
public sealed record WorldUser(long Id, string Phone, string DisplayName, string? Username, bool HasPassword, bool IsBanned, int HomeDc = 2);
