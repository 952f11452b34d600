using System.Net;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Mtproto.Sender;
using HelpGetNearestDc = Signals.Telegram.Tl.Help.GetNearestDc;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>Every fault endpoint, observed from a world-side session (sends) or an MTProto client (dropped sockets).</summary>
public sealed class AdminFaultEndpointTests
{
    private const string Phone = "+1 202 555 0161";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly string[] NoLinks = [];

    [Fact]
    public async Task Fail_sends_and_lose_replies_hit_the_next_sends_of_the_named_session()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var (connection, destination) = await WriterAsync(test);

        var failArmed = (await test.Admin.PostAsync("/faults/fail-sends", new { count = 1, session = "writer" })).AssertStatus(HttpStatusCode.OK);
        await Assert.ThrowsAsync<TelegramTransientException>(() => connection.SendMessageAsync(destination, "a", NoLinks, 1, CancellationToken.None));
        (await test.Admin.PostAsync("/faults/lose-replies", new { count = 1 })).AssertStatus(HttpStatusCode.OK);
        await Assert.ThrowsAsync<TelegramTransientException>(() => connection.SendMessageAsync(destination, "b", NoLinks, 2, CancellationToken.None));
        await connection.SendMessageAsync(destination, "c", NoLinks, 3, CancellationToken.None);
        var counters = (await test.Admin.GetAsync("/counters")).AssertStatus(HttpStatusCode.OK)["world"];

        Assert.Equal((1, "writer"), (failArmed["affected"].GetInt32(), failArmed["session"].GetString()));
        Assert.Equal(["b", "c"], test.World.MessagesIn(destination.Id).Select(m => m.Text));
        Assert.Equal((1, 1), (counters.GetProperty("transientFailuresServed").GetInt64(), counters.GetProperty("repliesLost").GetInt64()));
    }

    [Fact]
    public async Task Flood_wait_answers_with_the_wait_and_clearing_ends_it()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var (connection, destination) = await WriterAsync(test);

        (await test.Admin.PostAsync("/faults/flood-wait", new { seconds = 120 })).AssertStatus(HttpStatusCode.OK);
        var flood = await Assert.ThrowsAsync<TelegramFloodWaitException>(() => connection.SendMessageAsync(destination, "a", NoLinks, 1, CancellationToken.None));
        (await test.Admin.DeleteAsync("/faults")).AssertStatus(HttpStatusCode.OK);
        await connection.SendMessageAsync(destination, "b", NoLinks, 2, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(120), flood.RetryAfter);
        Assert.Equal(["b"], test.World.MessagesIn(destination.Id).Select(m => m.Text));
    }

    [Fact]
    public async Task Held_sends_wait_until_released()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var (connection, destination) = await WriterAsync(test);

        (await test.Admin.PostAsync("/faults/hold-sends")).AssertStatus(HttpStatusCode.OK);
        var send = connection.SendMessageAsync(destination, "held", NoLinks, 1, CancellationToken.None);
        await WaitUntilAsync(async () => (await test.Admin.GetAsync("/counters"))["heldSends"].GetInt32() == 1);
        var storedWhileHeld = test.World.MessagesIn(destination.Id).Count;
        var released = (await test.Admin.PostAsync("/faults/release-sends")).AssertStatus(HttpStatusCode.OK);
        await send.WaitAsync(Timeout);

        Assert.Equal(0, storedWhileHeld);
        Assert.Equal(1, released["affected"].GetInt32());
        Assert.Equal(["held"], test.World.MessagesIn(destination.Id).Select(m => m.Text));
    }

    [Fact]
    public async Task Disconnect_and_revoke_hit_the_named_session()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var (connection, _) = await WriterAsync(test);

        var disconnected = (await test.Admin.PostAsync("/faults/disconnect", new { session = "writer" })).AssertStatus(HttpStatusCode.OK);
        var revoked = (await test.Admin.PostAsync("/faults/revoke-session", new { session = "writer" })).AssertStatus(HttpStatusCode.OK);
        var nobody = (await test.Admin.PostAsync("/faults/disconnect", new { session = "nobody" })).AssertStatus(HttpStatusCode.OK);
        var counters = (await test.Admin.GetAsync("/counters"))["world"];

        Assert.False(connection.IsOpen);
        Assert.False(test.World.IsAuthKeyUsable(connection.AuthKeyId));
        Assert.Equal((1, 1, 0), (disconnected["affected"].GetInt32(), revoked["affected"].GetInt32(), nobody["affected"].GetInt32()));
        Assert.Equal((1, 1), (counters.GetProperty("disconnects").GetInt64(), counters.GetProperty("sessionsRevoked").GetInt64()));
    }

    [Fact]
    public async Task Drop_connections_makes_the_server_drop_an_MTProto_client_which_reconnects()
    {
        await using var test = await StandaloneFixture.StartAsync();
        await using var sender = test.NewSender();
        await sender.ConnectAsync().WaitAsync(Timeout);

        (await test.Admin.PostAsync("/faults/drop-connections", new { count = 1 })).AssertStatus(HttpStatusCode.OK);
        var nearest = await sender.InvokeAsync(new HelpGetNearestDc()).WaitAsync(Timeout);
        var server = (await test.Admin.GetAsync("/counters"))["server"];

        Assert.Equal(test.Emulator.Server.Options.DcId, nearest.ThisDc);
        Assert.Equal(2, sender.ConnectionCount);
        Assert.Equal(2, server.GetProperty("connectionsAccepted").GetInt64());
    }

    [Fact]
    public async Task Repeated_random_ids_are_errors_while_the_fault_is_on_and_the_earlier_message_after_clearing()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var (connection, destination) = await WriterAsync(test);
        var first = await connection.SendMessageAsync(destination, "once", NoLinks, 77, CancellationToken.None);

        (await test.Admin.PostAsync("/faults/random-id-duplicate-errors", new { enabled = true })).AssertStatus(HttpStatusCode.OK);
        var duplicate = await Assert.ThrowsAsync<TelegramPermanentException>(() => connection.SendMessageAsync(destination, "once", NoLinks, 77, CancellationToken.None));
        (await test.Admin.DeleteAsync("/faults")).AssertStatus(HttpStatusCode.OK);
        var repeat = await connection.SendMessageAsync(destination, "once", NoLinks, 77, CancellationToken.None);

        Assert.Equal("RANDOM_ID_DUPLICATE", duplicate.ErrorCode);
        Assert.Equal(first.MessageId, repeat.MessageId);
        Assert.Single(test.World.MessagesIn(destination.Id));
    }

    [Fact]
    public async Task Update_faults_arm_and_report_what_they_hit()
    {
        await using var test = await StandaloneFixture.StartAsync();

        var skip = (await test.Admin.PostAsync("/faults/skip-pushes", new { count = 2 })).AssertStatus(HttpStatusCode.OK);
        var drop = (await test.Admin.PostAsync("/faults/drop-differences", new { count = 1 })).AssertStatus(HttpStatusCode.OK);
        var tooLong = (await test.Admin.PostAsync("/faults/updates-too-long", new { })).AssertStatus(HttpStatusCode.OK);
        var counters = (await test.Admin.GetAsync("/counters")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal((2, 1), (skip["affected"].GetInt32(), drop["affected"].GetInt32()));
        // No MTProto client is logged in, so nobody gets updatesTooLong and nothing was skipped yet.
        Assert.Equal(0, tooLong["affected"].GetInt32());
        Assert.Equal(0, counters["server"].GetProperty("pushesSkipped").GetInt32());
    }

    [Fact]
    public async Task Migrate_calls_answers_the_next_call_with_303_and_then_serves_again()
    {
        await using var test = await StandaloneFixture.StartAsync();
        await using var sender = test.NewSender();
        await sender.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var armed = (await test.Admin.PostAsync("/faults/migrate-calls", new { dc = 1, kind = "NETWORK_MIGRATE" })).AssertStatus(HttpStatusCode.OK);
        var refused = await Assert.ThrowsAsync<RpcErrorException>(() => sender.InvokeAsync(new Signals.Telegram.Tl.Updates.GetState()).WaitAsync(TimeSpan.FromSeconds(30)));
        var served = await sender.InvokeAsync(new HelpGetNearestDc()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, armed["affected"].GetInt32());
        Assert.Equal((303, "NETWORK_MIGRATE_1"), (refused.Code, refused.ErrorMessage));
        Assert.NotNull(served);
        (await test.Admin.PostAsync("/faults/migrate-calls", new { dc = 9 })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/migrate-calls", new { dc = 1, kind = "TELEPORT" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/migrate-calls", new { dc = 1, count = 0 })).AssertError(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_fault_input_gets_4xx_with_a_message()
    {
        await using var test = await StandaloneFixture.StartAsync();

        (await test.Admin.PostAsync("/faults/fail-sends", new { count = 0 })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/fail-sends", new { session = "s" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/lose-replies", new { count = -3 })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/flood-wait", new { seconds = 0 })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/flood-wait", new { seconds = 5, count = 0 })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/disconnect", new { })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/revoke-session", new { session = "" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/drop-connections", new { count = "many" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/skip-pushes", new { count = 0 })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/drop-differences", new { })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/updates-too-long", new { userId = "someone" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/random-id-duplicate-errors", new { enabled = "yes" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/faults/fail-sends")).AssertError(HttpStatusCode.UnsupportedMediaType);
        (await test.Admin.PostAsync("/faults/no-such-fault", new { count = 1 })).AssertError(HttpStatusCode.NotFound);
    }

    private static async Task<(WorldConnection Connection, TelegramPeer Destination)> WriterAsync(StandaloneFixture test)
    {
        var userId = (await test.Admin.PostAsync("/users", new { phone = Phone, name = "Writer" })).AssertStatus(HttpStatusCode.Created)["id"].GetInt64();
        var groupId = (await test.Admin.PostAsync("/groups", new { title = "Out" })).AssertStatus(HttpStatusCode.Created)["id"].GetInt64();
        (await test.Admin.PostAsync($"/chats/{groupId}/writers/{userId}")).AssertStatus(HttpStatusCode.OK);
        var connection = await test.LoggedInConnectionAsync("writer", Phone);
        return (connection, test.World.FindChat($"-{groupId}")!.ToPeer());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(20);
        }
    }
}
