namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>Every 4xx answer of the admin API: what was wrong with the request.</summary>
public sealed record ErrorResponse(string Error);
