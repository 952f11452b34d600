namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary><c>POST /groups</c>: a basic group (no username; addressed by id).</summary>
public sealed record CreateGroupRequest(string? Title);
