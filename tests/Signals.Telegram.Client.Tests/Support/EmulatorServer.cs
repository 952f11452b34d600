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
    private static readonly Lazy<RsaPrivateKey> ServerKey = new(() => RsaPrivateKey.Generate());

    private readonly List<MtprotoSender> _senders = [];

    public EmulatorServer()
    {
        World = new TelegramWorld();
        Server = new MtprotoServer(World, ServerKey.Value);
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

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders)
        {
            await sender.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
