using System.Net;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Mtproto.Transport;

namespace Signals.Telegram.Mtproto.Tests.Support;

/// <summary>A world and its MTProto server on a free loopback port, for one test.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    public EmulatorFixture()
    {
        World = new TelegramWorld();
        Server = new MtprotoServer(World, TestKeys.ServerKey);
        Server.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public TelegramWorld World { get; }

    public MtprotoServer Server { get; }

    public int Port => Server.LocalEndPoint.Port;

    public MtprotoSender NewSender(ISessionStore store, TransportKind transport = TransportKind.Intermediate, TimeProvider? time = null) =>
        new(new MtprotoSenderOptions
        {
            Host = "127.0.0.1",
            Port = Port,
            Transport = transport,
            ServerKeys = [Server.PublicKey],
            Time = time ?? TimeProvider.System,
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
        }, store);

    /// <summary>Waits until the server has let go of every connection (it notices a closed socket asynchronously).</summary>
    public async Task WaitForNoConnectionsAsync()
    {
        for (var i = 0; i < 200 && (Server.LiveConnections > 0 || World.TotalLiveConnections > 0); i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(0, World.TotalLiveConnections);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
