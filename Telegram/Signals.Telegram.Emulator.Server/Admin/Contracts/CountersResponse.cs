using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>
/// <c>GET /counters</c>. <see cref="World"/> is the world's counter object itself, serialized whole, so every counter
/// the world has (AUTH_KEY_DUPLICATED, session overlaps, ...) appears without this API naming them one by one.
/// </summary>
public sealed record CountersResponse(WorldCounters World, int LiveWorldConnections, int HeldSends, ServerCountersResponse Server);
