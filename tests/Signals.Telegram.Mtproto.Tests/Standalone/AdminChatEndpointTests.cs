using System.Net;
using Signals.Telegram.Errors;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>Groups, writers and what a chat received: the alert-destination side of a harness.</summary>
public sealed class AdminChatEndpointTests
{
    private const string Phone = "+1 202 555 0143";
    private static readonly string[] NoLinks = [];

    [Fact]
    public async Task Writer_granted_through_admin_can_send_and_the_message_shows_with_sender_links_and_random_id()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var userId = (await test.Admin.PostAsync("/users", new { phone = Phone, name = "Notifier" })).AssertStatus(HttpStatusCode.Created)["id"].GetInt64();
        var group = (await test.Admin.PostAsync("/groups", new { title = "Alerts" })).AssertStatus(HttpStatusCode.Created);
        var groupId = group["id"].GetInt64();
        var connection = await test.LoggedInConnectionAsync("notifier", Phone);
        var peer = test.World.FindChat(groupId.ToString(System.Globalization.CultureInfo.InvariantCulture))!.ToPeer();

        var forbidden = await Assert.ThrowsAsync<TelegramPermanentException>(() => connection.SendMessageAsync(peer, "too early", NoLinks, 1, CancellationToken.None));
        var granted = (await test.Admin.PostAsync($"/chats/{groupId}/writers/{userId}")).AssertStatus(HttpStatusCode.OK);
        await connection.SendMessageAsync(peer, "ALERT ABC", ["https://dexscreener.com/solana/abc"], -8_000_000_000_000_000_001, CancellationToken.None);
        var received = (await test.Admin.GetAsync($"/chats/{groupId}/messages")).AssertStatus(HttpStatusCode.OK);
        var byBotApiId = (await test.Admin.GetAsync($"/chats/-{groupId}/messages")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("CHAT_WRITE_FORBIDDEN", forbidden.ErrorCode);
        Assert.Equal(("group", $"-{groupId}"), (group["kind"].GetString(), group["botApiId"].GetString()));
        Assert.Equal((true, true), (granted["member"].GetBoolean(), granted["writer"].GetBoolean()));
        var message = Assert.Single(received.Body.EnumerateArray());
        Assert.Equal(userId, message.GetProperty("senderUserId").GetInt64());
        Assert.Equal("ALERT ABC", message.GetProperty("text").GetString());
        Assert.Equal(["https://dexscreener.com/solana/abc"], message.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(-8_000_000_000_000_000_001, message.GetProperty("randomId").GetInt64());
        Assert.True(message.GetProperty("date").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Single(byBotApiId.Body.EnumerateArray());
    }

    [Fact]
    public async Task Channel_writers_and_members_are_set_by_username()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var userId = (await test.Admin.PostAsync("/users", new { phone = Phone, name = "Reader" })).AssertStatus(HttpStatusCode.Created)["id"].GetInt64();
        var channelId = (await test.Admin.PostAsync("/channels", new { username = "alerts_out", title = "Alerts" })).AssertStatus(HttpStatusCode.Created)["id"].GetInt64();

        var member = (await test.Admin.PostAsync($"/chats/@alerts_out/members/{userId}")).AssertStatus(HttpStatusCode.OK);
        var looked = (await test.Admin.GetAsync("/chats/alerts_out")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal((channelId, false), (member["chatId"].GetInt64(), member["writer"].GetBoolean()));
        Assert.True(test.World.IsMember(channelId, userId));
        Assert.Equal(channelId, looked["id"].GetInt64());
    }

    [Fact]
    public async Task Bad_chat_input_gets_4xx_with_a_message()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var groupId = (await test.Admin.PostAsync("/groups", new { title = "G" })).AssertStatus(HttpStatusCode.Created)["id"].GetInt64();

        (await test.Admin.PostAsync("/groups", new { title = " " })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/groups", new { title = "G", extra = 1 })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync($"/chats/{groupId}/writers/42")).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.PostAsync($"/chats/{groupId}/writers/someone")).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/chats/no_such_chat/writers/1")).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.GetAsync("/chats/no_such_chat/messages")).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.GetAsync("/chats/999999999999/messages")).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.GetAsync("/chats/no_such_chat")).AssertError(HttpStatusCode.NotFound);
    }
}
