namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

public sealed record HealthResponse(string Status, bool MtprotoListening);
