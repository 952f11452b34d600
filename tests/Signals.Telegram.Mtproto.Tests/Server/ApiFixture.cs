using System.Net;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>
/// A world with a reader account and two channels behind an MTProto server, and senders logged in as accounts
/// (the key is authorized in the world directly: the login calls have tests of their own).
/// </summary>
internal sealed class ApiFixture : IAsyncDisposable
{
    public const string ReaderPhone = "9996620001";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<MtprotoSender> _senders = [];

    public ApiFixture(MtprotoServerOptions? options = null)
    {
        World = new TelegramWorld(new WorldOptions { Seed = 7 });
        Reader = World.AddUser(ReaderPhone, "Rita Reader", "rita_reader");
        Calls = World.CreateChannel("gem_calls", "Gem Calls");
        Radar = World.CreateChannel("pump_radar", "Pump Radar");
        Server = new MtprotoServer(World, TestKeys.ServerKey, options);
        Server.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public TelegramWorld World { get; }

    public MtprotoServer Server { get; }

    public WorldUser Reader { get; }

    public WorldChat Calls { get; }

    public WorldChat Radar { get; }

    public InputChannel CallsInput => new() { ChannelId = Calls.Id, AccessHash = Calls.AccessHash };

    public InputPeerChannel CallsPeer => new() { ChannelId = Calls.Id, AccessHash = Calls.AccessHash };

    /// <summary>A connected sender whose auth key is logged in as the account with <paramref name="phone"/> (the reader by default).</summary>
    public async Task<MtprotoSender> LoggedInAsync(string phone = ReaderPhone, MtprotoServer? server = null)
    {
        var sender = NewSender(server ?? Server);
        await sender.ConnectAsync().WaitAsync(Timeout);
        World.AuthorizeAuthKey(sender.AuthKey!.Id, phone);
        return sender;
    }

    public MtprotoSender NewSender(MtprotoServer server)
    {
        var sender = new MtprotoSender(new MtprotoSenderOptions
        {
            Host = "127.0.0.1",
            Port = server.LocalEndPoint.Port,
            ServerKeys = [server.PublicKey],
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
        }, new InMemorySessionStore());
        _senders.Add(sender);
        return sender;
    }

    public static async Task<RpcErrorException> ErrorOf<T>(Task<T> call)
        where T : notnull =>
        await Assert.ThrowsAsync<RpcErrorException>(() => call.WaitAsync(Timeout));

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders)
        {
            await sender.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
