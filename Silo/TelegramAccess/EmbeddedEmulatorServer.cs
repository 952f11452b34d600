using System.Net;
using Signals.Silo.Embedded;
using Signals.Telegram.Emulator.Server;

namespace Signals.Silo.TelegramAccess;

/// <summary>
/// The embedded default's Telegram: the emulator's MTProto server inside the silo process, on a free loopback port,
/// over the silo's emulated world. Sessions reach it through the same MTProto client they would use against Telegram,
/// so the demo exercises the real client, transport and crypto, not a shortcut.
/// </summary>
public sealed class EmbeddedEmulatorServer : IAsyncDisposable
{
    public EmbeddedEmulatorServer(EmbeddedWorld world, ILogger<MtprotoServer> logger)
    {
        ArgumentNullException.ThrowIfNull(world);
        Server = new MtprotoServer(world.World, logger: logger);
        Server.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public MtprotoServer Server { get; }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
