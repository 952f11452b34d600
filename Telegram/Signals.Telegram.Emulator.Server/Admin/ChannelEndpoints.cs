using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signals.Telegram.Emulator.Server.Admin.Contracts;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>Channels and their posts, as the channel's admin: create, publish, edit, delete, list.</summary>
internal static class ChannelEndpoints
{
    // Telegram's limit for one message's text.
    private const int MaxTextLength = 4096;

    public static void Map(IEndpointRouteBuilder endpoints, TelegramWorld world)
    {
        var channels = endpoints.MapGroup("/channels").AddEndpointFilter(WorldErrorFilter.InvokeAsync);

        channels.MapPost("/", async (HttpRequest request, CancellationToken ct) =>
        {
            var (body, error) = await AdminJson.ReadAsync<CreateChannelRequest>(request, ct);
            if (error is not null)
            {
                return error;
            }

            if (string.IsNullOrWhiteSpace(body!.Username) || string.IsNullOrWhiteSpace(body.Title))
            {
                return AdminResults.BadRequest("username and title are required");
            }

            if (!Usernames.IsValid(body.Username))
            {
                return AdminResults.BadRequest(Usernames.Rule);
            }

            if (world.FindChat(body.Username) is not null)
            {
                return AdminResults.Conflict($"the username @{Usernames.Bare(body.Username)} is taken");
            }

            try
            {
                return AdminResults.Created(ChatResponse.From(world.CreateChannel(Usernames.Bare(body.Username), body.Title)));
            }
            catch (ArgumentException ex) when (ex.ParamName == "username")
            {
                // Taken by a user account, which FindChat does not see.
                return AdminResults.Conflict(ex.Message);
            }
        });

        channels.MapGet("/{channel}", (string channel) =>
            FindChannel(world, channel) is { } found ? AdminResults.Ok(ChatResponse.From(found)) : NoSuchChannel(channel));

        channels.MapGet("/{channel}/posts", (string channel) =>
            FindChannel(world, channel) is { } found
                ? AdminResults.Ok(world.Posts(found.Id).Select(PostResponse.From).ToList())
                : NoSuchChannel(channel));

        channels.MapPost("/{channel}/posts", async (string channel, HttpRequest request, CancellationToken ct) =>
        {
            if (FindChannel(world, channel) is not { } found)
            {
                return NoSuchChannel(channel);
            }

            var (content, error) = await ReadContentAsync(request, ct);
            return error ?? AdminResults.Created(PostResponse.From(world.Post(found.Id, content!.Text!, content.Links ?? [])));
        });

        channels.MapPut("/{channel}/posts/{id}", async (string channel, string id, HttpRequest request, CancellationToken ct) =>
        {
            if (FindChannel(world, channel) is not { } found)
            {
                return NoSuchChannel(channel);
            }

            if (!TryMessageId(id, out var messageId))
            {
                return BadMessageId();
            }

            if (world.Posts(found.Id).All(p => p.MessageId != messageId))
            {
                return NoSuchPost(found, messageId);
            }

            var (content, error) = await ReadContentAsync(request, ct);
            return error ?? AdminResults.Ok(PostResponse.From(world.Edit(found.Id, messageId, content!.Text!, content.Links ?? [])));
        });

        channels.MapDelete("/{channel}/posts/{id}", (string channel, string id) =>
        {
            if (FindChannel(world, channel) is not { } found)
            {
                return NoSuchChannel(channel);
            }

            if (!TryMessageId(id, out var messageId))
            {
                return BadMessageId();
            }

            var deleted = world.Delete(found.Id, messageId);
            return deleted.Count == 0 ? NoSuchPost(found, messageId) : AdminResults.Ok(new DeletedPostsResponse(found.Id, deleted));
        });
    }

    private static async Task<(PostRequest? Content, IResult? Error)> ReadContentAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, error) = await AdminJson.ReadAsync<PostRequest>(request, ct);
        if (error is not null)
        {
            return (null, error);
        }

        if (string.IsNullOrWhiteSpace(body!.Text))
        {
            return (null, AdminResults.BadRequest("text is required"));
        }

        if (body.Text.Length > MaxTextLength)
        {
            return (null, AdminResults.BadRequest($"text is longer than Telegram's {MaxTextLength} characters"));
        }

        if (body.Links?.FirstOrDefault(l => !Uri.TryCreate(l, UriKind.Absolute, out _)) is { } bad)
        {
            return (null, AdminResults.BadRequest($"links must be absolute URLs; \"{bad}\" is not"));
        }

        return (body, null);
    }

    private static WorldChat? FindChannel(TelegramWorld world, string channel) =>
        world.FindChat(channel) is { Kind: PeerKind.Channel } found ? found : null;

    private static bool TryMessageId(string text, out int id) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;

    private static IResult BadMessageId() => AdminResults.BadRequest("a message id is a positive whole number");

    private static IResult NoSuchChannel(string channel) => AdminResults.NotFound($"no channel is called {channel}");

    private static IResult NoSuchPost(WorldChat channel, int messageId) =>
        AdminResults.NotFound($"message {messageId} does not exist in @{channel.Username} (or was deleted)");
}
