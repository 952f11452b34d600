using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Model;
using Signals.Telegram.Port;

namespace Signals.Telegram.Client.Tests.Connection;

/// <summary>
/// A logged-in session told mid-work that its account lives on another DC (USER_MIGRATE_X, NETWORK_MIGRATE_X), against
/// two emulator servers over one world: the call succeeds there, and the login comes along by export/import.
/// </summary>
public sealed class LoggedInMigrationAgainstServerTests
{
    private const string Phone = "+15550100";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("USER_MIGRATE")]
    [InlineData("NETWORK_MIGRATE")]
    public async Task A_call_answered_with_a_migrate_to_dc_1_succeeds_there_logged_in_and_the_blob_reconnects_on_dc_1(string kind)
    {
        await using var emulator = new TwoDcEmulator();
        var alice = emulator.World.AddUser(Phone, "Alice", "alice", homeDc: 2);
        var channel = emulator.World.CreateChannel("gems", "Gems");
        emulator.World.Post(channel.Id, "call 1");
        emulator.World.Post(channel.Id, "call 2");
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var store = new RecordingSessionStore();
        var first = (MtprotoTelegramConnection)await connector.ConnectAsync("s1", null, store, CancellationToken.None).WaitAsync(Timeout);
        var sent = await first.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        await first.SignInAsync(Phone, sent.PhoneCodeHash, emulator.World.PeekLoginCode(Phone)!, CancellationToken.None).WaitAsync(Timeout);
        var peer = await first.ResolvePeerAsync("@gems", CancellationToken.None).WaitAsync(Timeout);
        await first.JoinChannelAsync(peer, CancellationToken.None).WaitAsync(Timeout);
        var meBefore = first.Me;
        var homeBefore = first.HomeDcId;

        emulator.Dc2.Faults.MigrateNextCalls(1, kind, onlyFor: typeof(Signals.Telegram.Tl.Messages.GetHistory));
        var history = await first.GetHistoryAsync(peer, 0, 10, CancellationToken.None).WaitAsync(Timeout);
        var homeAfter = first.HomeDcId;
        var meAfter = first.Me;
        var live = emulator.World.Post(channel.Id, "call 3 after the move");
        var pushed = await Eventually.ReadAsync(first.Updates, 1);
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => emulator.Dc1.LiveConnections == 0 && emulator.Dc2.LiveConnections == 0, "both DCs saw the session go offline");
        var dc2Accepted = emulator.Dc2.ConnectionsAccepted;

        var second = (MtprotoTelegramConnection)await connector.ConnectAsync("s1", store.Latest, store, CancellationToken.None).WaitAsync(Timeout);
        var latest = await second.GetLatestMessageIdAsync(peer, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal((2, 1), (homeBefore, homeAfter));
        Assert.Equal(["call 1", "call 2"], history.Select(post => post.Text));
        Assert.Equal(new TelegramUser(alice.Id, "Alice", "alice"), meBefore);
        Assert.Equal(meBefore, meAfter);
        Assert.Equal((ChannelUpdateKind.NewPost, live.MessageId), (pushed[0].Kind, pushed[0].Post?.MessageId));

        // One code login on DC 2, one import on DC 1; the resumed session goes straight to DC 1, still logged in.
        Assert.Equal(1, emulator.World.Counters.CodesIssued);
        Assert.Equal(2, emulator.World.Counters.LoginsSucceeded);
        Assert.Equal(meBefore, second.Me);
        Assert.Equal(1, second.HomeDcId);
        Assert.True(second.IsOpen);
        Assert.Equal(live.MessageId, latest);
        Assert.Equal(dc2Accepted, emulator.Dc2.ConnectionsAccepted);
        Assert.Equal(1, emulator.Dc1.AuthKeysCreated);
        Assert.Equal(0, emulator.World.Counters.AuthKeyDuplicated);
        Assert.Equal(0, emulator.World.Counters.SessionOverlaps);
    }

    [Fact]
    public async Task A_send_in_flight_on_the_old_dc_when_the_session_moves_is_sent_once_from_the_new_dc()
    {
        await using var emulator = new TwoDcEmulator();
        var alice = emulator.World.AddUser(Phone, "Alice", "alice", homeDc: 2);
        var alerts = emulator.World.CreateChannel("alerts", "Alerts");
        emulator.World.AddMember(alerts.Id, alice.Id);
        emulator.World.AllowToWrite(alerts.Id, alice.Id);
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = (MtprotoTelegramConnection)await connector.ConnectAsync("s1", null, new RecordingSessionStore(), CancellationToken.None).WaitAsync(Timeout);
        var sent = await connection.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        await connection.SignInAsync(Phone, sent.PhoneCodeHash, emulator.World.PeekLoginCode(Phone)!, CancellationToken.None).WaitAsync(Timeout);
        var peer = await connection.ResolvePeerAsync("@alerts", CancellationToken.None).WaitAsync(Timeout);

        emulator.World.Faults.HoldSends();
        var pending = connection.SendMessageAsync(peer, "BUY", 4242, CancellationToken.None);
        await Eventually.TrueAsync(() => emulator.World.Faults.HeldSends == 1, "the send is held on DC 2");
        emulator.Dc2.Faults.MigrateNextCalls(1, onlyFor: typeof(Signals.Telegram.Tl.Messages.GetHistory));
        await connection.GetHistoryAsync(peer, 0, 10, CancellationToken.None).WaitAsync(Timeout);
        emulator.World.Faults.ReleaseSends();
        var message = await pending.WaitAsync(Timeout);

        Assert.Equal(1, connection.HomeDcId);
        Assert.True(message.MessageId > 0);
        Assert.Single(emulator.World.MessagesIn(alerts.Id), posted => posted.Text == "BUY");
        Assert.Equal(0, emulator.World.Counters.AuthKeyDuplicated);
    }

    [Fact]
    public async Task A_file_migrate_answer_does_not_move_the_account_home()
    {
        await using var emulator = new TwoDcEmulator();
        emulator.World.AddUser(Phone, "Alice", "alice", homeDc: 2);
        emulator.World.CreateChannel("gems", "Gems");
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = (MtprotoTelegramConnection)await connector.ConnectAsync("s1", null, new RecordingSessionStore(), CancellationToken.None).WaitAsync(Timeout);
        var sent = await connection.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        await connection.SignInAsync(Phone, sent.PhoneCodeHash, emulator.World.PeekLoginCode(Phone)!, CancellationToken.None).WaitAsync(Timeout);
        var peer = await connection.ResolvePeerAsync("@gems", CancellationToken.None).WaitAsync(Timeout);

        // Only getHistory: the update loop's resync after the login runs at the same time and must not use the fault up.
        emulator.Dc2.Faults.MigrateNextCalls(1, "FILE_MIGRATE", onlyFor: typeof(Signals.Telegram.Tl.Messages.GetHistory));
        var error = await Assert.ThrowsAsync<TelegramMigrateException>(() => connection.GetHistoryAsync(peer, 0, 10, CancellationToken.None).WaitAsync(Timeout));
        var history = await connection.GetHistoryAsync(peer, 0, 10, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(("FILE_MIGRATE_X", 1), (error.ErrorCode, error.DcId));
        Assert.Empty(history);
        Assert.Equal(2, connection.HomeDcId);
        Assert.Equal(0, emulator.Dc1.AuthKeysCreated);
        Assert.NotNull(connection.Me);
    }
}
