using Signals.Telegram.Emulator.InProcess;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;

namespace Signals.Telegram.Emulator.Tests.InProcess;

public sealed class ConnectorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_new_session_gets_a_fresh_key_and_hands_its_blob_to_the_store()
    {
        await using var test = new TestWorld();
        var store = new RecordingSessionStore();

        var connection = await test.ConnectAsync("reader-1", null, store);

        var blob = Assert.Single(store.Saved);
        Assert.True(connection.IsOpen);
        Assert.Null(connection.Me);
        Assert.Equal("reader-1", connection.SessionName);
        Assert.True(test.World.IsAuthKeyUsable(connection.AuthKeyId));
        Assert.Equal(connection.AuthKeyId, EmulatorSessionBlob.TryParse(blob)!.AuthKeyId);
        Assert.Equal(1, test.World.LiveConnections("reader-1"));
    }

    [Fact]
    public async Task Reconnecting_from_the_saved_blob_keeps_the_login_and_saves_nothing()
    {
        await using var test = new TestWorld();
        var store = new RecordingSessionStore();
        var first = await test.LoggedInReaderAsync("reader-1", store);
        await first.DisposeAsync();

        var second = await test.ConnectAsync("reader-1", store.Latest, store);

        Assert.Single(store.Saved);
        Assert.Equal(first.AuthKeyId, second.AuthKeyId);
        Assert.Equal(test.Reader.Id, second.Me!.Id);
        Assert.Equal(0, test.World.Counters.AuthKeyDuplicated);
        Assert.Equal(1, test.World.MaxConcurrentConnections("reader-1"));
    }

    [Fact]
    public async Task A_damaged_blob_is_replaced_by_a_new_key()
    {
        await using var test = new TestWorld();
        var store = new RecordingSessionStore();
        var damaged = EmulatorSessionBlob.CreateNew().ToBytes();
        damaged[^1] ^= 0xFF;

        var connection = await test.ConnectAsync("reader-1", damaged, store);

        Assert.Single(store.Saved);
        Assert.Null(connection.Me);
    }

    [Fact]
    public async Task A_second_live_connection_on_one_key_is_counted_and_the_key_is_revoked()
    {
        await using var test = new TestWorld();
        var store = new RecordingSessionStore();
        var first = await test.LoggedInReaderAsync("reader-1", store);
        var peer = test.Calls.ToPeer();

        var duplicate = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => test.ConnectAsync("reader-1", store.Latest));

        Assert.Equal("AUTH_KEY_DUPLICATED", duplicate.ErrorCode);
        Assert.Equal(1, test.World.Counters.AuthKeyDuplicated);
        Assert.Equal(2, test.World.MaxConcurrentConnections("reader-1"));
        Assert.Equal(0, test.World.LiveConnections("reader-1"));
        Assert.False(first.IsOpen);
        var call = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => first.GetHistoryAsync(peer, 0, 1, None));
        var updates = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => first.Updates.Completion);
        Assert.Equal("AUTH_KEY_DUPLICATED", call.ErrorCode);
        Assert.Equal("AUTH_KEY_DUPLICATED", updates.ErrorCode);
        Assert.False(test.World.IsAuthKeyUsable(first.AuthKeyId));
    }

    [Fact]
    public async Task After_a_revoked_key_the_blob_leads_to_a_new_key_that_needs_a_login()
    {
        await using var test = new TestWorld();
        var store = new RecordingSessionStore();
        var first = await test.LoggedInReaderAsync("reader-1", store);
        var revokedBlob = store.Latest;
        await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => test.ConnectAsync("reader-1", revokedBlob));

        var again = await test.ConnectAsync("reader-1", revokedBlob, store);

        Assert.Equal(2, store.Saved.Count);
        Assert.NotEqual(first.AuthKeyId, again.AuthKeyId);
        Assert.Null(again.Me);
        var error = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => again.ResolvePeerAsync("gem_calls", None));
        Assert.Equal("AUTH_KEY_UNREGISTERED", error.ErrorCode);
    }

    [Fact]
    public async Task With_revocation_off_a_duplicate_is_still_counted_and_both_stay_live()
    {
        await using var test = new TestWorld(new WorldOptions { RevokeAuthKeyOnDuplicate = false });
        var store = new RecordingSessionStore();
        var first = await test.LoggedInReaderAsync("reader-1", store);

        var second = await test.ConnectAsync("reader-1", store.Latest);

        Assert.Equal(1, test.World.Counters.AuthKeyDuplicated);
        Assert.True(first.IsOpen);
        Assert.True(second.IsOpen);
        Assert.Equal(2, test.World.LiveConnections("reader-1"));
    }

    [Fact]
    public async Task Two_keys_under_one_session_name_are_an_overlap_but_not_a_duplicate()
    {
        await using var test = new TestWorld();
        await test.ConnectAsync("reader-1");
        await test.ConnectAsync("reader-1");

        Assert.Equal(0, test.World.Counters.AuthKeyDuplicated);
        Assert.Equal(1, test.World.Counters.SessionOverlaps);
        Assert.Equal(2, test.World.MaxConcurrentConnections("reader-1"));
    }

    [Fact]
    public async Task Disposing_the_connector_closes_every_connection_it_opened()
    {
        var test = new TestWorld();
        var store = new RecordingSessionStore();
        var reader = await test.LoggedInReaderAsync("reader-1", store);
        var notifier = await test.LoggedInNotifierAsync();
        await reader.JoinChannelAsync(test.Calls.ToPeer(), None);
        Assert.Equal(2, test.Connector.OpenConnections);

        await test.Connector.DisposeAsync();

        Assert.False(reader.IsOpen);
        Assert.False(notifier.IsOpen);
        Assert.Equal(0, test.World.TotalLiveConnections);
        Assert.Equal(0, test.Connector.OpenConnections);
        await reader.Updates.Completion;
        await Assert.ThrowsAsync<ObjectDisposedException>(() => test.ConnectAsync("late"));

        // The next silo's connector reopens the same blob, still logged in, without tripping the duplicate rule.
        await using var next = new EmulatorTelegramConnector(test.World);
        var resumed = await next.ConnectAsync("reader-1", store.Latest, store, None);
        Assert.Equal(test.Reader.Id, resumed.Me!.Id);
        Assert.Equal(0, test.World.Counters.AuthKeyDuplicated);
    }

    [Fact]
    public async Task A_closed_connection_answers_every_call_with_a_transient_error()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        await connection.DisposeAsync();

        var error = await Assert.ThrowsAsync<TelegramTransientException>(() => connection.ResolvePeerAsync("gem_calls", None));

        Assert.Equal("CONNECTION_CLOSED", error.ErrorCode);
        Assert.False(connection.IsOpen);
        await connection.Updates.Completion;
        Assert.Equal(0, test.Connector.OpenConnections);
    }

    [Fact]
    public async Task A_reader_that_falls_too_far_behind_is_disconnected_not_skipped()
    {
        await using var test = new TestWorld(new WorldOptions { UpdateQueueCapacity = 3 });
        var connection = await test.LoggedInReaderAsync();
        await connection.JoinChannelAsync(test.Calls.ToPeer(), None);

        for (var i = 0; i < 4; i++)
        {
            test.World.Post(test.Calls.Id, $"post {i}");
        }

        Assert.False(connection.IsOpen);
        Assert.Equal(1, test.World.Counters.UpdateQueueOverflows);
        Assert.Equal(3, connection.Updates.Drain().Count);
        var error = await Assert.ThrowsAsync<TelegramTransientException>(() => connection.Updates.Completion);
        Assert.Equal("UPDATES_TOO_LONG", error.ErrorCode);
    }

    [Fact]
    public async Task A_logged_in_blob_can_be_made_for_a_demo_session()
    {
        await using var test = new TestWorld();
        var blob = EmulatorTelegramConnector.CreateLoggedInSessionBlob(test.World, TestWorld.NotifierPhone);

        var connection = await test.ConnectAsync("notifier", blob);

        Assert.Equal(test.Notifier.Id, connection.Me!.Id);
    }
}
