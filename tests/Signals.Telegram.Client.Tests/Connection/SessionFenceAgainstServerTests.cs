using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Errors;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Port;
using Signals.Telegram.Tl.Auth;

namespace Signals.Telegram.Client.Tests.Connection;

/// <summary>
/// The owner's fence (<see cref="MtprotoSenderOptions.MayTransmit"/>, <see cref="ISessionFence"/>): once it says no,
/// nothing more reaches the server, the waiting call fails as fenced, and nothing reconnects.
/// </summary>
public sealed class SessionFenceAgainstServerTests
{
    private const string Phone = "+15550100";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_sender_whose_fence_closes_sends_no_further_call_fails_it_as_fenced_and_never_reconnects()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var mayTransmit = true;
        var checks = 0;
        await using var sender = new MtprotoSender(
            new MtprotoSenderOptions
            {
                Host = "127.0.0.1",
                Port = emulator.Server.LocalEndPoint.Port,
                ServerKeys = [emulator.Server.PublicKey],
                ApiId = 4711,
                ReconnectDelay = TimeSpan.FromMilliseconds(10),
                MayTransmit = () =>
                {
                    Interlocked.Increment(ref checks);
                    return Volatile.Read(ref mayTransmit);
                },
            },
            new InMemorySessionStore());
        await sender.ConnectAsync().WaitAsync(Timeout);
        await sender.InvokeAsync(SendCode(), CancellationToken.None).WaitAsync(Timeout);
        var checksWhileAllowed = Volatile.Read(ref checks);

        Volatile.Write(ref mayTransmit, false);
        var pending = await Assert.ThrowsAsync<MtprotoException>(() => sender.InvokeAsync(SendCode(), CancellationToken.None).WaitAsync(Timeout));
        var later = await Assert.ThrowsAsync<MtprotoException>(() => sender.InvokeAsync(SendCode(), CancellationToken.None).WaitAsync(Timeout));
        var ended = await Assert.ThrowsAsync<MtprotoException>(() => sender.Updates.Completion.WaitAsync(Timeout));
        await Eventually.TrueAsync(() => emulator.Server.LiveConnections == 0, "the fenced sender closed its socket");

        Assert.True(checksWhileAllowed > 0);
        Assert.True(pending.Fenced);
        Assert.True(later.Fenced);
        Assert.True(ended.Fenced);

        // Only the call made while allowed reached the world; the supervisor ended (updates completed) after one connection.
        Assert.Equal(1, emulator.World.Counters.CodesIssued);
        Assert.Equal(1, sender.ConnectionCount);
        Assert.Equal(1, emulator.Server.ConnectionsAccepted);
    }

    [Fact]
    public async Task A_connector_whose_store_fences_the_session_refuses_to_connect_and_nothing_reaches_the_server()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var store = new FencedSessionStore(mayUse: false);

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(() => connector.ConnectAsync("s1", emulator.MintLoggedInBlob(Phone).Blob, store, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(SessionFenced.ErrorCode, error.ErrorCode);
        Assert.True(store.Checks > 0);
        Assert.Equal(0, emulator.Server.ConnectionsAccepted);
        Assert.Equal(0, emulator.World.Counters.ConnectionsOpened);
        Assert.Equal(0, connector.OpenConnections);
    }

    [Fact]
    public async Task A_connection_whose_fence_closes_fails_its_next_call_as_fenced_closes_and_sends_nothing_more()
    {
        await using var emulator = new EmulatorServer();
        var alice = emulator.World.AddUser(Phone, "Alice");
        var group = emulator.World.CreateChannel("alerts", "Alerts");
        emulator.World.AddMember(group.Id, alice.Id);
        emulator.World.AllowToWrite(group.Id, alice.Id);
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var store = new FencedSessionStore(mayUse: true);
        var connection = await connector.ConnectAsync("s1", emulator.MintLoggedInBlob(Phone).Blob, store, CancellationToken.None).WaitAsync(Timeout);
        var peer = await connection.ResolvePeerAsync("alerts", CancellationToken.None).WaitAsync(Timeout);
        await connection.SendMessageAsync(peer, "while holding", 1, CancellationToken.None).WaitAsync(Timeout);

        store.Revoke();
        var error = await Assert.ThrowsAsync<TelegramPermanentException>(() => connection.SendMessageAsync(peer, "after losing it", 2, CancellationToken.None).WaitAsync(Timeout));
        await Eventually.TrueAsync(() => !connection.IsOpen, "the connection reads as closed");
        var updatesEnded = await Assert.ThrowsAsync<TelegramPermanentException>(() => DrainAsync(connection.Updates).WaitAsync(Timeout));
        await Eventually.TrueAsync(() => emulator.Server.LiveConnections == 0, "the server saw the socket close");

        Assert.Equal(SessionFenced.ErrorCode, error.ErrorCode);
        Assert.Equal(SessionFenced.ErrorCode, updatesEnded.ErrorCode);
        Assert.Equal(["while holding"], emulator.World.Posts(group.Id).Select(post => post.Text));
        Assert.Equal(1, emulator.World.Counters.MessagesSent);
        Assert.Equal(1, emulator.Server.ConnectionsAccepted);
        Assert.Equal(0, emulator.World.Counters.AuthKeyDuplicated);
    }

    /// <summary>Reads what is left (the sent message's own update, say) until the stream ends, as the owner does.</summary>
    private static async Task DrainAsync(System.Threading.Channels.ChannelReader<Signals.Telegram.Model.ChannelUpdate> updates)
    {
        await foreach (var _ in updates.ReadAllAsync())
        {
        }
    }

    private static SendCode SendCode() => new()
    {
        PhoneNumber = Phone,
        ApiId = 4711,
        ApiHash = "0123456789abcdef0123456789abcdef",
        Settings = new Signals.Telegram.Tl.CodeSettings(),
    };
}
