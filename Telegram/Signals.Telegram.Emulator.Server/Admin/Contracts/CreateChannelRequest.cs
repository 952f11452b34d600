namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary><c>POST /channels</c>: a public channel, "@" optional in the username.</summary>
public sealed record CreateChannelRequest(string? Username, string? Title);
