using System.Net;
using System.Text.Json;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>Channels and posts over the admin API, checked against the world itself.</summary>
public sealed class AdminChannelEndpointTests
{
    [Fact]
    public async Task Post_edit_delete_and_list_reach_the_world()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var channel = (await test.Admin.PostAsync("/channels", new { username = "@gem_calls", title = "Gem Calls" })).AssertStatus(HttpStatusCode.Created);
        var channelId = channel["id"].GetInt64();

        var first = (await test.Admin.PostAsync("/channels/gem_calls/posts", new { text = "buy ABC", links = new[] { "https://dexscreener.com/solana/abc" } }))
            .AssertStatus(HttpStatusCode.Created);
        var second = (await test.Admin.PostAsync($"/channels/{channelId}/posts", new { text = "soon" })).AssertStatus(HttpStatusCode.Created);
        var firstId = first["messageId"].GetInt32();
        var secondId = second["messageId"].GetInt32();
        var edited = (await test.Admin.PutAsync($"/channels/@gem_calls/posts/{secondId}", new { text = "revealed XYZ" })).AssertStatus(HttpStatusCode.OK);
        var deleted = (await test.Admin.DeleteAsync($"/channels/gem_calls/posts/{firstId}")).AssertStatus(HttpStatusCode.OK);
        var listed = (await test.Admin.GetAsync("/channels/gem_calls/posts")).AssertStatus(HttpStatusCode.OK);
        var looked = (await test.Admin.GetAsync("/channels/gem_calls")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(("channel", "gem_calls", "Gem Calls", $"-100{channelId}"),
            (channel["kind"].GetString(), channel["username"].GetString(), channel["title"].GetString(), channel["botApiId"].GetString()));
        Assert.Equal(test.World.FindChat("gem_calls")!.AccessHash, looked["accessHash"].GetInt64());
        Assert.Equal("revealed XYZ", edited["text"].GetString());
        Assert.NotEqual(JsonValueKind.Null, edited["editDate"].ValueKind);
        Assert.Equal([firstId], deleted["deleted"].EnumerateArray().Select(e => e.GetInt32()));
        var post = Assert.Single(listed.Body.EnumerateArray());
        Assert.Equal((secondId, "revealed XYZ"), (post.GetProperty("messageId").GetInt32(), post.GetProperty("text").GetString()));
        var worldPost = Assert.Single(test.World.Posts(channelId));
        Assert.Equal((secondId, "revealed XYZ"), (worldPost.MessageId, worldPost.Text));
        Assert.Equal(2, test.World.Counters.PostsPublished);
    }

    [Fact]
    public async Task Post_links_are_kept()
    {
        await using var test = await StandaloneFixture.StartAsync();
        (await test.Admin.PostAsync("/channels", new { username = "links_only", title = "Links" })).AssertStatus(HttpStatusCode.Created);

        (await test.Admin.PostAsync("/channels/links_only/posts", new { text = "chart", links = new[] { "https://pump.fun/coin/So1" } })).AssertStatus(HttpStatusCode.Created);
        var listed = (await test.Admin.GetAsync("/channels/links_only/posts")).AssertStatus(HttpStatusCode.OK);

        var post = Assert.Single(listed.Body.EnumerateArray());
        Assert.Equal(["https://pump.fun/coin/So1"], post.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Bad_channel_input_gets_4xx_with_a_message()
    {
        await using var test = await StandaloneFixture.StartAsync();
        (await test.Admin.PostAsync("/channels", new { username = "calls", title = "Calls" })).AssertStatus(HttpStatusCode.Created);
        var id = (await test.Admin.PostAsync("/channels/calls/posts", new { text = "one" })).AssertStatus(HttpStatusCode.Created)["messageId"].GetInt32();

        (await test.Admin.PostAsync("/channels", new { username = "calls", title = "Again" })).AssertError(HttpStatusCode.Conflict);
        (await test.Admin.PostAsync("/channels", new { username = "has space", title = "Bad" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/channels", new { title = "No name" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/channels/calls/posts", new { text = "" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/channels/calls/posts", new { text = new string('x', 4097) })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/channels/calls/posts", new { text = "x", links = new[] { "not a url" } })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.SendRawAsync(HttpMethod.Post, "/channels/calls/posts", "{\"text\": 5}")).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/channels/nowhere/posts", new { text = "x" })).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.GetAsync("/channels/nowhere/posts")).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.PutAsync($"/channels/calls/posts/{id + 50}", new { text = "x" })).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.PutAsync("/channels/calls/posts/abc", new { text = "x" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.DeleteAsync("/channels/calls/posts/-1")).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.DeleteAsync($"/channels/calls/posts/{id + 50}")).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.GetAsync("/no/such/endpoint")).AssertError(HttpStatusCode.NotFound);

        Assert.Equal(["one"], test.World.Posts(test.World.FindChat("calls")!.Id).Select(p => p.Text));
    }
}
