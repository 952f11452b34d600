using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>
/// The emulator's admin HTTP API (JSON in and out; errors as <c>{"error": "..."}</c> with a 4xx status): accounts and
/// login codes, channels and posts, groups and writers, what chats received, counters and faults. Mapped onto any
/// endpoint builder, so a test can host it in its own web app; <see cref="Standalone.StandaloneEmulator"/> hosts it
/// on loopback. It has no authentication: it must only ever listen on loopback.
/// </summary>
public static class EmulatorAdminApi
{
    public static void Map(IEndpointRouteBuilder endpoints, TelegramWorld world, MtprotoServer server)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(server);

        CounterEndpoints.Map(endpoints, world, server);
        UserEndpoints.Map(endpoints, world, server.Options.DcId);
        ChannelEndpoints.Map(endpoints, world);
        ChatEndpoints.Map(endpoints, world);
        FaultEndpoints.Map(endpoints, world, server);
        endpoints.MapFallback((HttpContext context) =>
            AdminResults.NotFound($"no admin endpoint answers this {context.Request.Method} (see docs/emulator.md)"));
    }
}
