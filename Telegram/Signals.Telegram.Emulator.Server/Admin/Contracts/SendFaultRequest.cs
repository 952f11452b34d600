namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>
/// Arms a fault for the next <see cref="Count"/> sends, of one session only when <see cref="Session"/> is given
/// (the MTProto server names sessions "mtproto:" + the auth key id in 16 hex digits).
/// </summary>
public sealed record SendFaultRequest(int? Count, string? Session = null);
