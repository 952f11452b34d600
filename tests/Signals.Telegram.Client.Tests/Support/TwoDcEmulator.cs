using System.Net;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>One world served as DC 1 and DC 2 by two MTProto servers sharing one DC set, as Telegram's DCs share accounts.</summary>
internal sealed class TwoDcEmulator : IAsyncDisposable
{
    public TwoDcEmulator()
    {
        World = new TelegramWorld();
        var dcs = new MtprotoDcSet();
        Dc1 = new MtprotoServer(World, EmulatorServer.ServerKey.Value, new MtprotoServerOptions { DcId = 1, Dcs = dcs });
        Dc2 = new MtprotoServer(World, EmulatorServer.ServerKey.Value, new MtprotoServerOptions { DcId = 2, Dcs = dcs });
        Dc1.Start(new IPEndPoint(IPAddress.Loopback, 0));
        Dc2.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public TelegramWorld World { get; }

    public MtprotoServer Dc1 { get; }

    public MtprotoServer Dc2 { get; }

    /// <summary>Connector options that know both DCs and start on DC 2, as a client that knows only Telegram's default does.</summary>
    public MtprotoConnectorOptions ConnectorOptions() => new()
    {
        ApiId = 4711,
        ApiHash = "0123456789abcdef0123456789abcdef",
        DefaultDcId = 2,
        DataCenters =
        [
            new DcEndpoint(1, "127.0.0.1", Dc1.LocalEndPoint.Port),
            new DcEndpoint(2, "127.0.0.1", Dc2.LocalEndPoint.Port),
        ],
        ServerKeys = [Dc1.PublicKey],
        ReconnectDelay = TimeSpan.FromMilliseconds(100),
        MaxReconnectDelay = TimeSpan.FromSeconds(1),
    };

    public async ValueTask DisposeAsync()
    {
        await Dc2.DisposeAsync();
        await Dc1.DisposeAsync();
    }
}
