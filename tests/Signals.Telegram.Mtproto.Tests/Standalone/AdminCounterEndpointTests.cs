using System.Net;
using System.Security.Cryptography;
using Signals.Telegram.Errors;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>Health and counters, with the counters a cluster test asserts on made to move.</summary>
public sealed class AdminCounterEndpointTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Health_is_ok_while_MTProto_listens()
    {
        await using var test = await StandaloneFixture.StartAsync();

        var health = (await test.Admin.GetAsync("/health")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(("ok", true), (health["status"].GetString(), health["mtprotoListening"].GetBoolean()));
    }

    [Fact]
    public async Task Counters_show_auth_key_duplicates_session_overlaps_and_server_connections()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var key = test.World.RegisterAuthKey(RandomNumberGenerator.GetBytes(256));
        var otherKey = test.World.RegisterAuthKey(RandomNumberGenerator.GetBytes(256));
        var before = (await test.Admin.GetAsync("/counters")).AssertStatus(HttpStatusCode.OK);

        test.World.OpenConnection("twice", key);
        Assert.Throws<TelegramUnauthorizedException>(() => test.World.OpenConnection("twice-too", key));
        test.World.OpenConnection("overlap", otherKey);
        test.World.OpenConnection("overlap", test.World.RegisterAuthKey(RandomNumberGenerator.GetBytes(256)));
        await using var sender = test.NewSender();
        await sender.ConnectAsync().WaitAsync(Timeout);
        var after = (await test.Admin.GetAsync("/counters")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(0, before["world"].GetProperty("authKeyDuplicated").GetInt64());
        Assert.Equal(1, after["world"].GetProperty("authKeyDuplicated").GetInt64());
        Assert.Equal(1, after["world"].GetProperty("sessionOverlaps").GetInt64());
        Assert.Equal(test.World.Counters.ConnectionsOpened, after["world"].GetProperty("connectionsOpened").GetInt64());
        Assert.Equal((1, 1), (after["server"].GetProperty("connectionsAccepted").GetInt64(), after["server"].GetProperty("authKeysCreated").GetInt64()));
        Assert.Equal(1, after["server"].GetProperty("liveConnections").GetInt32());
    }

    [Fact]
    public async Task Demo_mode_seeds_channels_that_the_admin_api_lists()
    {
        await using var test = await StandaloneFixture.StartAsync(demo: true);

        var destination = (await test.Admin.GetAsync($"/channels/{test.Emulator.Demo!.Destination.Username}")).AssertStatus(HttpStatusCode.OK);
        var callChannel = (await test.Admin.GetAsync($"/channels/{test.Emulator.Demo.CallChannels[0].Username}/posts")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(test.Emulator.Demo.Destination.Id, destination["id"].GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, callChannel.Body.ValueKind);
        Assert.NotNull(test.World.FindUser(test.Emulator.Demo.Notifier.Phone));
    }
}
