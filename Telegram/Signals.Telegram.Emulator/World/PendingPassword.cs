namespace Signals.Telegram.Emulator.World;

/// <summary>The 2FA password (plain, as the world stores it) and hint of an account a login waits on.</summary>
public sealed record PendingPassword(string Password, string? Hint);
