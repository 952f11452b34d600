using Microsoft.AspNetCore.Http;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>
/// The safety net under every admin endpoint: the world rejects bad input with ArgumentException (whose messages never
/// carry a phone number or code), and that is the caller's mistake, so it becomes a 400 with the message, never a 500.
/// </summary>
internal static class WorldErrorFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ArgumentException ex)
        {
            return AdminResults.BadRequest(ex.Message);
        }
    }
}
