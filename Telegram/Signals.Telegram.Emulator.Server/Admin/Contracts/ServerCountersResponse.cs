namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>The MTProto server's own counts: TCP connections, not world sessions.</summary>
public sealed record ServerCountersResponse(long ConnectionsAccepted, int LiveConnections, long AuthKeysCreated, int PushesSkipped, bool Listening);
