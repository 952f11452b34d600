namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>
/// What a fault endpoint did: <see cref="Fault"/> names it; <see cref="Affected"/> counts what it hit right away
/// (connections dropped, keys revoked, sends armed), when that is known.
/// </summary>
public sealed record FaultResponse(string Fault, int? Affected = null, string? Session = null);
