using System.Net;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;

namespace Signals.Testing.Cluster;

/// <summary>
/// A test cluster's Telegram: its emulated world and the emulator's MTProto server over it on a free loopback port.
/// Every silo's sessions connect to that server with the product's MTProto client, as they would to Telegram.
/// </summary>
public sealed class TestTelegram : IAsyncDisposable
{
    // A 2048-bit RSA key takes long enough to make that one per test run is plenty.
    private static readonly Lazy<RsaPrivateKey> ServerKey = new(() => RsaPrivateKey.Generate());

    public TestTelegram(TelegramWorld world)
    {
        World = world;
        Server = new MtprotoServer(world, ServerKey.Value);
        Server.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public TelegramWorld World { get; }

    public MtprotoServer Server { get; }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
