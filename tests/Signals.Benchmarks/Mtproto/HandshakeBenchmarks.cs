using System.Net;
using BenchmarkDotNet.Attributes;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Mtproto.Auth;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Mtproto.Transport;

namespace Signals.Benchmarks.Mtproto;

/// <summary>
/// A whole auth key creation (req_pq_multi .. dh_gen_ok: pq factorisation, RSA_PAD, 2048-bit DH on both sides),
/// in memory between our two sans-IO halves, and a fresh login over loopback TCP (MtprotoSender.ConnectAsync against
/// MtprotoServer: key exchange plus invokeWithLayer(initConnection(help.getConfig))) — the flow
/// tests/gramjs/handshake-bench.js times for GramJS against the same server (see HandshakeGramJsRun).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class HandshakeBenchmarks
{
    private RsaPrivateKey _rsaKey = null!;
    private MtprotoServer _server = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rsaKey = RsaPrivateKey.Generate();
        _server = new MtprotoServer(new TelegramWorld(), _rsaKey);
        _server.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _server.DisposeAsync();

    [Benchmark(Description = "key exchange, in memory")]
    public long InMemory()
    {
        var client = new ClientHandshake([_rsaKey.PublicKey], dcId: 2);
        var server = new ServerHandshake(_rsaKey);
        var request = client.Start();
        while (true)
        {
            var answer = server.Handle(request).Reply!;
            var step = client.Handle(answer);
            if (step.Result is { } result)
            {
                return result.AuthKey.Id;
            }

            request = step.Reply!;
        }
    }

    [Benchmark(Description = "fresh login over loopback TCP (key exchange + initConnection/getConfig)")]
    public async Task<int> OverLoopback()
    {
        await using var sender = new MtprotoSender(new MtprotoSenderOptions
        {
            Host = "127.0.0.1",
            Port = _server.LocalEndPoint.Port,
            Transport = TransportKind.Full,
            ServerKeys = [_server.PublicKey],
        }, new InMemorySessionStore());
        var config = await sender.ConnectAsync();
        return config.ThisDc;
    }
}
