namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>A fault aimed at one session by name (the MTProto server's: "mtproto:" + auth key id, 16 hex digits).</summary>
public sealed record SessionFaultRequest(string? Session);
