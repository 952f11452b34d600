using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signals.Telegram.Emulator.Server.Admin.Contracts;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>One endpoint per fault the world (and the MTProto server) can play, and one to clear them all.</summary>
internal static class FaultEndpoints
{
    // Generous bounds, only to turn nonsense (negative, absurd) into a 400 instead of an exception.
    private const int MaxCount = 1_000_000;
    private const int MaxFloodSeconds = 86_400;
    private const int MaxDcId = 5;

    // The migrations Telegram answers a call with (https://core.telegram.org/api/errors#303-see-other).
    private static readonly string[] MigrateKinds = ["USER_MIGRATE", "NETWORK_MIGRATE", "PHONE_MIGRATE", "FILE_MIGRATE", "STATS_MIGRATE"];

    public static void Map(IEndpointRouteBuilder endpoints, TelegramWorld world, MtprotoServer server)
    {
        var faults = endpoints.MapGroup("/faults").AddEndpointFilter(WorldErrorFilter.InvokeAsync);

        faults.MapPost("/fail-sends", (HttpRequest request, CancellationToken ct) =>
            ArmSends(request, "fail-sends", (count, session) => world.Faults.FailNextSends(count, session), ct));

        faults.MapPost("/lose-replies", (HttpRequest request, CancellationToken ct) =>
            ArmSends(request, "lose-replies", (count, session) => world.Faults.LoseNextSendReplies(count, session), ct));

        faults.MapPost("/flood-wait", async (HttpRequest request, CancellationToken ct) =>
        {
            var (body, error) = await AdminJson.ReadAsync<FloodWaitRequest>(request, ct);
            if (error is not null)
            {
                return error;
            }

            if (body!.Seconds is not { } seconds || seconds is < 1 or > MaxFloodSeconds)
            {
                return AdminResults.BadRequest($"seconds is required, from 1 to {MaxFloodSeconds}");
            }

            var count = body.Count ?? 1;
            if (count is < 1 or > MaxCount)
            {
                return AdminResults.BadRequest($"count must be from 1 to {MaxCount}");
            }

            world.Faults.FloodWaitNextSends(TimeSpan.FromSeconds(seconds), count, NullIfBlank(body.Session));
            return AdminResults.Ok(new FaultResponse("flood-wait", count, NullIfBlank(body.Session)));
        });

        faults.MapPost("/hold-sends", () =>
        {
            world.Faults.HoldSends();
            return AdminResults.Ok(new FaultResponse("hold-sends"));
        });

        faults.MapPost("/release-sends", () =>
        {
            var held = world.Faults.HeldSends;
            world.Faults.ReleaseSends();
            return AdminResults.Ok(new FaultResponse("release-sends", held));
        });

        faults.MapPost("/disconnect", (HttpRequest request, CancellationToken ct) =>
            OnSession(request, "disconnect", world.Faults.Disconnect, ct));

        faults.MapPost("/revoke-session", (HttpRequest request, CancellationToken ct) =>
            OnSession(request, "revoke-session", world.Faults.RevokeSession, ct));

        faults.MapPost("/drop-connections", (HttpRequest request, CancellationToken ct) =>
            CountOnly(request, "drop-connections", server.Faults.DropConnectionOnNextRequests, ct));

        faults.MapPost("/drop-differences", (HttpRequest request, CancellationToken ct) =>
            CountOnly(request, "drop-differences", server.Faults.DropConnectionInNextDifferences, ct));

        faults.MapPost("/skip-pushes", (HttpRequest request, CancellationToken ct) =>
            CountOnly(request, "skip-pushes", server.Faults.SkipNextPushes, ct));

        faults.MapPost("/updates-too-long", async (HttpRequest request, CancellationToken ct) =>
        {
            var (body, error) = await AdminJson.ReadAsync<UpdatesTooLongRequest>(request, ct);
            return error ?? AdminResults.Ok(new FaultResponse("updates-too-long", server.Faults.PushUpdatesTooLong(body!.UserId)));
        });

        faults.MapPost("/migrate-calls", async (HttpRequest request, CancellationToken ct) =>
        {
            var (body, error) = await AdminJson.ReadAsync<MigrateCallsRequest>(request, ct);
            if (error is not null)
            {
                return error;
            }

            if (body!.Dc is not { } dc || dc is < 1 or > MaxDcId)
            {
                return AdminResults.BadRequest($"dc is required, from 1 to {MaxDcId}");
            }

            var kind = body.Kind ?? "USER_MIGRATE";
            if (!MigrateKinds.Contains(kind))
            {
                return AdminResults.BadRequest($"kind must be one of {string.Join(", ", MigrateKinds)}");
            }

            var count = body.Count ?? 1;
            if (count is < 1 or > MaxCount)
            {
                return AdminResults.BadRequest($"count must be from 1 to {MaxCount}");
            }

            server.Faults.MigrateNextCalls(dc, kind, count);
            return AdminResults.Ok(new FaultResponse("migrate-calls", count));
        });

        faults.MapPost("/random-id-duplicate-errors", async (HttpRequest request, CancellationToken ct) =>
        {
            var (body, error) = await AdminJson.ReadAsync<ToggleRequest>(request, ct);
            if (error is not null)
            {
                return error;
            }

            world.Faults.AnswerRepeatedRandomIdsWithError(body!.Enabled);
            return AdminResults.Ok(new FaultResponse(body.Enabled ? "random-id-duplicate-errors" : "none", body.Enabled ? 1 : 0));
        });

        faults.MapDelete("/", () =>
        {
            world.Faults.Clear();
            server.Faults.DropConnectionOnNextRequests(0);
            server.Faults.DropConnectionInNextDifferences(0);
            server.Faults.SkipNextPushes(0);
            server.Faults.AnswerNextCallsWithError(303, "USER_MIGRATE_1", 0);
            return AdminResults.Ok(new FaultResponse("none"));
        });
    }

    private static async Task<IResult> ArmSends(HttpRequest request, string name, Action<int, string?> arm, CancellationToken ct)
    {
        var (body, error) = await AdminJson.ReadAsync<SendFaultRequest>(request, ct);
        if (error is not null)
        {
            return error;
        }

        if (body!.Count is not { } count || count is < 1 or > MaxCount)
        {
            return AdminResults.BadRequest($"count is required, from 1 to {MaxCount}");
        }

        arm(count, NullIfBlank(body.Session));
        return AdminResults.Ok(new FaultResponse(name, count, NullIfBlank(body.Session)));
    }

    private static async Task<IResult> CountOnly(HttpRequest request, string name, Action<int> arm, CancellationToken ct)
    {
        var (body, error) = await AdminJson.ReadAsync<CountRequest>(request, ct);
        if (error is not null)
        {
            return error;
        }

        if (body!.Count is not { } count || count is < 1 or > MaxCount)
        {
            return AdminResults.BadRequest($"count is required, from 1 to {MaxCount}");
        }

        arm(count);
        return AdminResults.Ok(new FaultResponse(name, count));
    }

    private static async Task<IResult> OnSession(HttpRequest request, string name, Func<string, int> apply, CancellationToken ct)
    {
        var (body, error) = await AdminJson.ReadAsync<SessionFaultRequest>(request, ct);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Session))
        {
            return AdminResults.BadRequest("session is required (the MTProto server names sessions \"mtproto:\" + the auth key id in 16 hex digits)");
        }

        return AdminResults.Ok(new FaultResponse(name, apply(body.Session), body.Session));
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
