using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signals.Telegram.Emulator.Server.Admin.Contracts;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>
/// Groups, memberships and what a chat received. A chat is named by "@username", username, bare id or Bot API id;
/// for <c>/messages</c> a user id works too (a user's direct messages).
/// </summary>
internal static class ChatEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, TelegramWorld world)
    {
        endpoints.MapPost("/groups", async (HttpRequest request, CancellationToken ct) =>
        {
            var (body, error) = await AdminJson.ReadAsync<CreateGroupRequest>(request, ct);
            if (error is not null)
            {
                return error;
            }

            return string.IsNullOrWhiteSpace(body!.Title)
                ? AdminResults.BadRequest("title is required")
                : AdminResults.Created(ChatResponse.From(world.CreateGroup(body.Title)));
        }).AddEndpointFilter(WorldErrorFilter.InvokeAsync);

        var chats = endpoints.MapGroup("/chats").AddEndpointFilter(WorldErrorFilter.InvokeAsync);

        chats.MapGet("/{chat}", (string chat) =>
            world.FindChat(chat) is { } found ? AdminResults.Ok(ChatResponse.From(found)) : NoSuchChat(chat));

        chats.MapPost("/{chat}/writers/{userId}", (string chat, string userId) =>
            ChangeMembership(world, chat, userId, writer: true));

        chats.MapPost("/{chat}/members/{userId}", (string chat, string userId) =>
            ChangeMembership(world, chat, userId, writer: false));

        chats.MapGet("/{chat}/messages", (string chat) =>
        {
            long peerId;
            if (world.FindChat(chat) is { } found)
            {
                peerId = found.Id;
            }
            else if (!TryId(chat, out peerId))
            {
                return NoSuchChat(chat);
            }

            try
            {
                return AdminResults.Ok(world.MessagesIn(peerId).Select(ReceivedMessageResponse.From).ToList());
            }
            catch (ArgumentException)
            {
                return NoSuchChat(chat);
            }
        });
    }

    private static IResult ChangeMembership(TelegramWorld world, string chat, string userIdText, bool writer)
    {
        if (world.FindChat(chat) is not { } found)
        {
            return NoSuchChat(chat);
        }

        if (!TryId(userIdText, out var userId))
        {
            return AdminResults.BadRequest("a user id is a positive whole number (POST /users answers with it)");
        }

        try
        {
            if (writer)
            {
                world.AllowToWrite(found.Id, userId);
            }
            else
            {
                world.AddMember(found.Id, userId);
            }
        }
        catch (ArgumentException ex) when (ex.ParamName == "userId")
        {
            return AdminResults.NotFound(ex.Message);
        }

        return AdminResults.Ok(new MembershipResponse(found.Id, userId, Member: true, Writer: writer));
    }

    private static bool TryId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static IResult NoSuchChat(string chat) => AdminResults.NotFound($"no chat is called {chat}");
}
