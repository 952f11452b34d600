namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>Turns a standing fault on (the default) or off.</summary>
public sealed record ToggleRequest(bool Enabled = true);
