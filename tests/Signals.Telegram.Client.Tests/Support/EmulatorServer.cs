using System.Net;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Mtproto.Sender;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>A world and its MTProto server on a free loopback port, and a connected sender to it, for one test.</summary>
internal sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    // Generating a 2048-bit RSA key is slow enough to share across the run.
    internal static readonly Lazy<RsaPrivateKey> ServerKey = new(() => RsaPrivateKey.Generate());

    private readonly List<MtprotoSender> _senders = [];

    public EmulatorServer(MtprotoServerOptions? options = null)
    {
        World = new TelegramWorld();
        Server = new MtprotoServer(World, ServerKey.Value, options);
        Server.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public TelegramWorld World { get; }

    public MtprotoServer Server { get; }

    /// <summary>A fresh client (its own auth key) logged in to nothing yet, with the login over its sender.</summary>
    public async Task<MtprotoLogin> NewLoginAsync(MtprotoLoginOptions options)
    {
        var sender = new MtprotoSender(
            new MtprotoSenderOptions
            {
                Host = "127.0.0.1",
                Port = Server.LocalEndPoint.Port,
                ServerKeys = [Server.PublicKey],
                ApiId = options.ApiId,
            },
            new InMemorySessionStore());
        _senders.Add(sender);
        await sender.ConnectAsync().WaitAsync(Timeout);
        return new MtprotoLogin(sender, options);
    }

    /// <summary>Connector options that reach this server as DC 2 (and trust its key); api_hash is a dummy.</summary>
    public MtprotoConnectorOptions ConnectorOptions(TimeSpan? gapWait = null) => new()
    {
        ApiId = 4711,
        ApiHash = "0123456789abcdef0123456789abcdef",
        DataCenters = [new DcEndpoint(2, "127.0.0.1", Server.LocalEndPoint.Port)],
        ServerKeys = [Server.PublicKey],
        ReconnectDelay = TimeSpan.FromMilliseconds(100),
        MaxReconnectDelay = TimeSpan.FromSeconds(1),
        GapWait = gapWait ?? TimeSpan.FromSeconds(0.5),
    };

    /// <summary>A blob whose key the world already logged in as <paramref name="phone"/> (as the demo mints sessions).</summary>
    public (byte[] Blob, byte[] AuthKey) MintLoggedInBlob(string phone)
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(256);
        var id = World.RegisterAuthKey(key);
        World.AuthorizeAuthKey(id, phone);
        return (MtprotoSessionBlobs.ForAuthKey(2, key), key);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders)
        {
            await sender.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
