using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Signals.Telegram.Emulator.Server.Admin.Contracts;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>Health and counters: what a harness polls and asserts on.</summary>
internal static class CounterEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, TelegramWorld world, MtprotoServer server)
    {
        endpoints.MapGet("/health", () => server.IsListening
            ? AdminResults.Ok(new HealthResponse("ok", MtprotoListening: true))
            : AdminResults.Error(503, "the MTProto listener is not running"));

        endpoints.MapGet("/counters", () => AdminResults.Ok(new CountersResponse(
            world.Counters,
            world.TotalLiveConnections,
            world.Faults.HeldSends,
            new ServerCountersResponse(server.ConnectionsAccepted, server.LiveConnections, server.AuthKeysCreated, server.Faults.PushesSkipped, server.IsListening))));
    }
}
