namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary><c>GET /users/{phone}/code</c>: the last login code issued for the phone (the only place a code appears).</summary>
public sealed record LoginCodeResponse(string Code);
