namespace Signals.Telegram.Emulator.World;

internal sealed record PendingLoginCode(string PhoneCodeHash, string Code, DateTimeOffset ExpiresAt);
