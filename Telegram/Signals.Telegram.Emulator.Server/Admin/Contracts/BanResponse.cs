namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

public sealed record BanResponse(long UserId, bool Banned);
