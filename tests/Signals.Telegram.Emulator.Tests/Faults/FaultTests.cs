using Signals.Telegram.Errors;

namespace Signals.Telegram.Emulator.Tests.Faults;

public sealed class FaultTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Failing_sends_fail_before_storing_then_sending_works_again()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync();
        test.World.Faults.FailNextSends(2);

        var first = await Assert.ThrowsAsync<TelegramTransientException>(() => notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None));
        await Assert.ThrowsAsync<TelegramTransientException>(() => notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None));
        Assert.Empty(test.World.MessagesIn(test.Alerts.Id));

        var sent = await notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None);

        Assert.Equal(TelegramErrorKind.Transient, first.Kind);
        Assert.False(sent.WasDuplicate);
        Assert.Single(test.World.MessagesIn(test.Alerts.Id));
        Assert.Equal(2, test.World.Counters.TransientFailuresServed);
    }

    [Fact]
    public async Task A_lost_reply_stores_the_message_and_the_resend_is_recognised()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync();
        test.World.Faults.LoseNextSendReplies(1);

        await Assert.ThrowsAsync<TelegramTransientException>(() => notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 77, None));
        var resend = await notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 77, None);

        Assert.True(resend.WasDuplicate);
        Assert.Single(test.World.MessagesIn(test.Alerts.Id));
        Assert.Equal(1, test.World.Counters.RepliesLost);
    }

    [Fact]
    public async Task Flood_wait_is_typed_with_its_seconds_and_holds_until_the_time_is_up()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync();
        test.World.Faults.FloodWaitNextSends(TimeSpan.FromSeconds(30));

        var served = await Assert.ThrowsAsync<TelegramFloodWaitException>(() => notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None));
        test.Time.Advance(TimeSpan.FromSeconds(10));
        var early = await Assert.ThrowsAsync<TelegramFloodWaitException>(() => notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None));
        test.Time.Advance(TimeSpan.FromSeconds(20));
        var sent = await notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None);

        Assert.Equal(TimeSpan.FromSeconds(30), served.RetryAfter);
        Assert.Equal(TelegramErrorKind.FloodWait, served.Kind);
        Assert.Equal(TimeSpan.FromSeconds(20), early.RetryAfter);
        Assert.False(sent.WasDuplicate);
        Assert.Equal(1, test.World.Counters.FloodWaitsServed);
        Assert.Equal(1, test.World.Counters.FloodWaitViolations);
        Assert.Single(test.World.MessagesIn(test.Alerts.Id));
    }

    [Fact]
    public async Task A_fault_for_one_session_leaves_the_others_alone()
    {
        await using var test = new TestWorld();
        test.World.AllowToWrite(test.Alerts.Id, test.Reader.Id);
        var notifier = await test.LoggedInNotifierAsync("notifier");
        var reader = await test.LoggedInReaderAsync("reader-1");
        test.World.Faults.FailNextSends(1, "notifier");

        var other = await reader.SendMessageAsync(test.Alerts.ToPeer(), "from reader", 1, None);
        await Assert.ThrowsAsync<TelegramTransientException>(() => notifier.SendMessageAsync(test.Alerts.ToPeer(), "from notifier", 1, None));

        Assert.False(other.WasDuplicate);
        Assert.Equal(["from reader"], test.World.MessagesIn(test.Alerts.Id).Select(m => m.Text));
    }

    [Fact]
    public async Task A_disconnect_closes_the_connection_and_completes_its_updates()
    {
        await using var test = new TestWorld();
        var reader = await test.LoggedInReaderAsync("reader-1");
        await reader.JoinChannelAsync(test.Calls.ToPeer(), None);

        var dropped = test.World.Faults.Disconnect("reader-1");

        Assert.Equal(1, dropped);
        Assert.False(reader.IsOpen);
        Assert.Equal(0, test.World.LiveConnections("reader-1"));
        var call = await Assert.ThrowsAsync<TelegramTransientException>(() => reader.GetHistoryAsync(test.Calls.ToPeer(), 0, 10, None));
        var updates = await Assert.ThrowsAsync<TelegramTransientException>(() => reader.Updates.Completion);
        Assert.Equal("CONNECTION_LOST", call.ErrorCode);
        Assert.Equal("CONNECTION_LOST", updates.ErrorCode);
        Assert.Equal(1, test.World.Counters.Disconnects);
    }

    [Fact]
    public async Task After_a_disconnect_the_same_blob_reconnects_still_logged_in()
    {
        await using var test = new TestWorld();
        var store = new RecordingSessionStore();
        await test.LoggedInReaderAsync("reader-1", store);
        test.World.Faults.Disconnect("reader-1");

        var again = await test.ConnectAsync("reader-1", store.Latest, store);

        Assert.Equal(test.Reader.Id, again.Me!.Id);
        Assert.Equal(0, test.World.Counters.AuthKeyDuplicated);
    }

    [Fact]
    public async Task A_send_in_flight_fails_when_its_connection_drops()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync("notifier");
        test.World.Faults.HoldSends();

        var pending = notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None);
        await WaitUntil(() => test.World.Faults.HeldSends == 1);
        test.World.Faults.Disconnect("notifier");

        var error = await Assert.ThrowsAsync<TelegramTransientException>(() => pending);
        Assert.Equal("CONNECTION_LOST", error.ErrorCode);
        Assert.Empty(test.World.MessagesIn(test.Alerts.Id));
    }

    [Fact]
    public async Task A_held_send_goes_out_once_released()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync("notifier");
        test.World.Faults.HoldSends();

        var pending = notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None);
        await WaitUntil(() => test.World.Faults.HeldSends == 1);
        Assert.False(pending.IsCompleted);
        test.World.Faults.ReleaseSends();

        var sent = await pending;
        Assert.False(sent.WasDuplicate);
        Assert.Single(test.World.MessagesIn(test.Alerts.Id));
    }

    [Fact]
    public async Task A_revoked_session_fails_with_session_revoked_and_needs_a_new_login()
    {
        await using var test = new TestWorld();
        var store = new RecordingSessionStore();
        var reader = await test.LoggedInReaderAsync("reader-1", store);

        var revoked = test.World.Faults.RevokeSession("reader-1");

        Assert.Equal(1, revoked);
        Assert.False(reader.IsOpen);
        var call = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => reader.ResolvePeerAsync("gem_calls", None));
        Assert.Equal("SESSION_REVOKED", call.ErrorCode);
        var updates = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => reader.Updates.Completion);
        Assert.Equal("SESSION_REVOKED", updates.ErrorCode);

        var again = await test.ConnectAsync("reader-1", store.Latest, store);
        Assert.Null(again.Me);
        Assert.Equal(2, store.Saved.Count);
    }

    [Fact]
    public async Task Clearing_faults_disarms_them()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync();
        test.World.Faults.FailNextSends(3);
        test.World.Faults.FloodWaitNextSends(TimeSpan.FromMinutes(1));

        test.World.Faults.Clear();

        var sent = await notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 1, None);
        Assert.False(sent.WasDuplicate);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        // Waits for a state change on another task; the bound only turns a hang into a failure.
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }
}
