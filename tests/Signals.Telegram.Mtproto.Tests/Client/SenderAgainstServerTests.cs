using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Mtproto.Transport;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using HelpGetNearestDc = Signals.Telegram.Tl.Help.GetNearestDc;

namespace Signals.Telegram.Mtproto.Tests.Client;

/// <summary>Our sender against our emulator server over real TCP.</summary>
public sealed class SenderAgainstServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(TransportKind.Abridged)]
    [InlineData(TransportKind.Intermediate)]
    [InlineData(TransportKind.Full)]
    public async Task New_client_creates_a_key_and_gets_a_config_pointing_at_the_server(TransportKind transport)
    {
        await using var emulator = new EmulatorFixture();
        var store = new InMemorySessionStore();
        await using var sender = emulator.NewSender(store, transport);

        var config = await sender.ConnectAsync().WaitAsync(Timeout);
        var pong = await sender.InvokeAsync(new Ping { PingId = 77 }).WaitAsync(Timeout);

        Assert.Equal(2, config.ThisDc);
        var option = Assert.Single(config.DcOptions);
        Assert.Equal(("127.0.0.1", emulator.Port), (option.IpAddress, option.Port));
        Assert.Equal(77, pong.PingId);
        Assert.True(emulator.World.IsAuthKeyUsable(sender.AuthKey!.Id));
        Assert.Equal(sender.AuthKey, SessionBlob.FromBytes(store.Blob).AuthKey);
        Assert.Equal(1, emulator.Server.AuthKeysCreated);
    }

    [Fact]
    public async Task Call_survives_the_server_dropping_the_socket_and_completes_once()
    {
        await using var emulator = new EmulatorFixture();
        await using var sender = emulator.NewSender(new InMemorySessionStore());
        await sender.ConnectAsync().WaitAsync(Timeout);

        emulator.Server.Faults.DropConnectionOnNextRequests(1);
        var nearest = await sender.InvokeAsync(new HelpGetNearestDc()).WaitAsync(Timeout);

        Assert.Equal(2, nearest.ThisDc);
        Assert.Equal(2, sender.ConnectionCount);
    }

    [Fact]
    public async Task Stored_session_with_a_stale_salt_recovers_through_bad_server_salt()
    {
        await using var emulator = new EmulatorFixture();
        var store = new InMemorySessionStore();
        long rightSalt;
        await using (var first = emulator.NewSender(store))
        {
            await first.ConnectAsync().WaitAsync(Timeout);
            rightSalt = first.Salt;
        }

        await emulator.WaitForNoConnectionsAsync();
        var blob = SessionBlob.FromBytes(store.Blob);
        await using var second = emulator.NewSender(new InMemorySessionStore((blob with { Salt = rightSalt ^ 0x5555 }).ToBytes()));

        await second.ConnectAsync().WaitAsync(Timeout);

        Assert.Equal(rightSalt, second.Salt);
        Assert.Equal(1, emulator.Server.AuthKeysCreated);
    }

    [Fact]
    public async Task Client_an_hour_fast_is_corrected_by_bad_msg_notification_and_its_call_completes()
    {
        await using var emulator = new EmulatorFixture();
        var store = new InMemorySessionStore();
        await using (var first = emulator.NewSender(store))
        {
            await first.ConnectAsync().WaitAsync(Timeout);
        }

        await emulator.WaitForNoConnectionsAsync();
        await using var skewed = emulator.NewSender(store, time: new OffsetTime(TimeSpan.FromHours(1)));

        await skewed.ConnectAsync().WaitAsync(Timeout);
        var pong = await skewed.InvokeAsync(new Ping { PingId = 3 }).WaitAsync(Timeout);

        Assert.Equal(3, pong.PingId);
        Assert.InRange(skewed.TimeOffsetSeconds, -3610, -3590);
    }

    [Fact]
    public async Task Two_client_sessions_using_one_key_at_once_are_counted_as_auth_key_duplicated()
    {
        await using var emulator = new EmulatorFixture();
        var store = new InMemorySessionStore();
        await using var first = emulator.NewSender(store);
        await first.ConnectAsync().WaitAsync(Timeout);

        // A second client on the same key may connect while the first is silent (Telegram cannot tell a paused
        // process from a gone one)...
        await using var second = emulator.NewSender(new InMemorySessionStore(store.Blob));
        await second.ConnectAsync().WaitAsync(Timeout);
        Assert.Equal(0, emulator.World.Counters.AuthKeyDuplicated);

        // ...but the first using its connection again while the second is live is two clients on one key.
        await Assert.ThrowsAsync<MtprotoException>(() => first.InvokeAsync(new Ping { PingId = 1 }).WaitAsync(Timeout));

        Assert.Equal(1, emulator.World.Counters.AuthKeyDuplicated);
        Assert.False(emulator.World.IsAuthKeyUsable(first.AuthKey!.Id));
        await Assert.ThrowsAsync<MtprotoException>(() => second.InvokeAsync(new Ping { PingId = 2 }).WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_client_that_reconnects_on_its_key_is_not_a_duplicate()
    {
        await using var emulator = new EmulatorFixture();
        var store = new InMemorySessionStore();
        await using (var first = emulator.NewSender(store))
        {
            await first.ConnectAsync().WaitAsync(Timeout);
        }

        await using var again = emulator.NewSender(new InMemorySessionStore(store.Blob));
        await again.ConnectAsync().WaitAsync(Timeout);
        await again.InvokeAsync(new Ping { PingId = 3 }).WaitAsync(Timeout);

        Assert.Equal(0, emulator.World.Counters.AuthKeyDuplicated);
    }

    [Fact]
    public async Task Unknown_method_comes_back_as_rpc_error()
    {
        await using var emulator = new EmulatorFixture();
        await using var sender = emulator.NewSender(new InMemorySessionStore());
        await sender.ConnectAsync().WaitAsync(Timeout);

        var error = await Assert.ThrowsAsync<RpcErrorException>(() => sender.InvokeAsync(new Signals.Telegram.Tl.Auth.LogOut()).WaitAsync(Timeout));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public async Task Cancelled_call_is_cancelled_and_disposal_fails_the_rest()
    {
        await using var emulator = new EmulatorFixture();
        var sender = emulator.NewSender(new InMemorySessionStore());
        await sender.ConnectAsync().WaitAsync(Timeout);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.InvokeAsync(new Ping { PingId = 1 }, cts.Token));
        await sender.DisposeAsync();
        await Assert.ThrowsAsync<MtprotoException>(() => sender.InvokeAsync(new Ping { PingId = 2 }));
    }
}
