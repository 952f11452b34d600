using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signals.Telegram.Emulator.Server.Admin.Contracts;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>Accounts: create, look up, read the last login code (how a harness drives a real login), ban.</summary>
internal static class UserEndpoints
{
    private const string NoSuchAccount = "no account has this phone number";

    public static void Map(IEndpointRouteBuilder endpoints, TelegramWorld world, int dcId)
    {
        var users = endpoints.MapGroup("/users").AddEndpointFilter(WorldErrorFilter.InvokeAsync);

        users.MapPost("/", async (HttpRequest request, CancellationToken ct) =>
        {
            var (body, error) = await AdminJson.ReadAsync<CreateUserRequest>(request, ct);
            if (error is not null)
            {
                return error;
            }

            if (string.IsNullOrWhiteSpace(body!.Phone) || string.IsNullOrWhiteSpace(body.Name))
            {
                return AdminResults.BadRequest("phone and name are required");
            }

            if (body.Dc is { } dc && dc != dcId)
            {
                return AdminResults.BadRequest($"this emulator is DC {dcId} only; leave dc out or send {dcId}");
            }

            if (body.Username is { } username && !Usernames.IsValid(username))
            {
                return AdminResults.BadRequest(Usernames.Rule);
            }

            if (world.FindUser(body.Phone) is not null)
            {
                return AdminResults.Conflict("an account with this phone number exists already");
            }

            try
            {
                var user = world.AddUser(body.Phone, body.Name, body.Username?.TrimStart('@'), body.Password, body.PasswordHint);
                return AdminResults.Created(UserResponse.From(user));
            }
            catch (ArgumentException ex) when (ex.ParamName == "username")
            {
                return AdminResults.Conflict(ex.Message);
            }
            catch (ArgumentException ex) when (ex.ParamName == "phone")
            {
                // Not a phone number (the world says so without echoing it).
                return AdminResults.BadRequest(ex.Message);
            }
        });

        users.MapGet("/{phone}", (string phone) =>
            world.FindUser(phone) is { } user ? AdminResults.Ok(UserResponse.From(user)) : AdminResults.NotFound(NoSuchAccount));

        users.MapGet("/{phone}/code", (string phone) =>
        {
            if (world.FindUser(phone) is null)
            {
                return AdminResults.NotFound(NoSuchAccount);
            }

            return world.PeekLoginCode(phone) is { } code
                ? AdminResults.Ok(new LoginCodeResponse(code))
                : AdminResults.NotFound("no login code was issued for this account yet (call auth.sendCode first)");
        });

        users.MapPost("/{phone}/ban", (string phone) => SetBanned(world, phone, banned: true));
        users.MapDelete("/{phone}/ban", (string phone) => SetBanned(world, phone, banned: false));
    }

    private static IResult SetBanned(TelegramWorld world, string phone, bool banned)
    {
        if (world.FindUser(phone) is not { } user)
        {
            return AdminResults.NotFound(NoSuchAccount);
        }

        world.SetBanned(phone, banned);
        return AdminResults.Ok(new BanResponse(user.Id, banned));
    }
}
