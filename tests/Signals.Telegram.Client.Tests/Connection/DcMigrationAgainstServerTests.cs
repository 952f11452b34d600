using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Model;

namespace Signals.Telegram.Client.Tests.Connection;

/// <summary>A login that starts on the wrong DC, against two emulator servers over one world.</summary>
public sealed class DcMigrationAgainstServerTests
{
    private const string Phone = "+15550100";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_login_started_on_dc_2_for_an_account_on_dc_1_moves_there_and_its_blob_reconnects_on_dc_1()
    {
        await using var emulator = new TwoDcEmulator();
        var alice = emulator.World.AddUser(Phone, "Alice", "alice", homeDc: 1);
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var store = new RecordingSessionStore();

        var first = (MtprotoTelegramConnection)await connector.ConnectAsync("s1", null, store, CancellationToken.None).WaitAsync(Timeout);
        var startedOn = first.HomeDcId;
        var sent = await first.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        var movedTo = first.HomeDcId;
        var outcome = await first.SignInAsync(Phone, sent.PhoneCodeHash, emulator.World.PeekLoginCode(Phone)!, CancellationToken.None).WaitAsync(Timeout);
        var me = first.Me;
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => emulator.Dc1.LiveConnections == 0 && emulator.Dc2.LiveConnections == 0, "both DCs saw the session go offline");
        var dc2Accepted = emulator.Dc2.ConnectionsAccepted;

        var second = (MtprotoTelegramConnection)await connector.ConnectAsync("s1", store.Latest, store, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal((2, 1), (startedOn, movedTo));
        Assert.Equal(1, emulator.World.Counters.CodesIssued);
        Assert.Equal(LoginStatus.LoggedIn, outcome.Status);
        Assert.Equal(alice.Id, me!.Id);
        Assert.Equal(new TelegramUser(alice.Id, "Alice", "alice"), second.Me);
        Assert.Equal(1, second.HomeDcId);
        Assert.True(second.IsOpen);

        // The resumed session went straight to DC 1 on the key it logged in with: no second login, no second key there.
        Assert.Equal(1, emulator.World.Counters.LoginsSucceeded);
        Assert.Equal(dc2Accepted, emulator.Dc2.ConnectionsAccepted);
        Assert.Equal(1, emulator.Dc1.AuthKeysCreated);
        Assert.Equal(1, emulator.Dc2.AuthKeysCreated);
        Assert.Equal(0, emulator.World.Counters.AuthKeyDuplicated);
        Assert.Equal(0, emulator.World.Counters.SessionOverlaps);
    }
}
