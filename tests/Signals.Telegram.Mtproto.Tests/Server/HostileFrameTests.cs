using System.Buffers.Binary;
using System.Net.Sockets;
using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Mtproto.Transport;
using Signals.Telegram.Tl.Mtproto;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>Bytes no honest client sends: each may end its own connection, never the listener or another client.</summary>
public sealed class HostileFrameTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Attacks() => ["garbage", "truncated", "oversized", "unknown-key", "wrong-msg-key", "bad-plain", "unknown-constructor"];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Hostile_connection_is_closed_while_the_server_keeps_serving(string attack)
    {
        await using var emulator = new EmulatorFixture();
        var store = new InMemorySessionStore();
        await using var honest = emulator.NewSender(store);
        await honest.ConnectAsync().WaitAsync(Timeout);
        // A second key the world knows but nobody uses: attacks on the honest key's id would be duplicates.
        var key = new AuthKey(Random.Shared.GetItems<byte>(new byte[256], 256));
        emulator.World.RegisterAuthKey(key.Key.ToArray());

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", emulator.Port);
        var stream = client.GetStream();
        var codec = TransportCodec.Create(TransportKind.Intermediate, TransportRole.Client);
        await stream.WriteAsync(codec.ClientPrefix.ToArray());
        byte[] bytes = attack switch
        {
            "garbage" => [.. "GET / HTTP/1.1\r\n\r\n"u8],
            "truncated" => [.. codec.EncodeFrame(new byte[64]).AsSpan(0, 30)],
            "oversized" => BitConverter.GetBytes(64 * 1024 * 1024),
            "unknown-key" => codec.EncodeFrame(Random.Shared.GetItems<byte>(new byte[256], 96)),
            "wrong-msg-key" => codec.EncodeFrame(Tamper(MessageCipher.Encrypt(key, MessageDirection.ClientToServer, new MessageHeader(1, 2, 4, 1), new byte[16]))),
            "bad-plain" => codec.EncodeFrame(new byte[40]),
            _ => codec.EncodeFrame(UnknownConstructorMessage(key)),
        };
        await stream.WriteAsync(bytes);
        if (attack == "truncated")
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        // The server answers with at most a transport error or an rpc_error, then (for all but the last) closes.
        var buffer = new byte[4096];
        using var read = new CancellationTokenSource(Timeout);
        var total = 0;
        while (true)
        {
            var n = await stream.ReadAsync(buffer, read.Token);
            total += n;
            if (n == 0 || (attack == "unknown-constructor" && total > 0))
            {
                break;
            }
        }

        if (attack == "unknown-constructor")
        {
            // Readable framing and a valid key: answered (salt / session notices), not dropped.
            Assert.True(total > 0);
        }

        Assert.True(emulator.Server.IsListening);
        var pong = await honest.InvokeAsync(new Ping { PingId = 9 }).WaitAsync(Timeout);
        Assert.Equal(9, pong.PingId);
        await using var newcomer = emulator.NewSender(new InMemorySessionStore());
        await newcomer.ConnectAsync().WaitAsync(Timeout);
    }

    [Fact]
    public async Task Many_random_frames_never_stop_the_listener()
    {
        await using var emulator = new EmulatorFixture();
        var random = new Random(1234);
        for (var i = 0; i < 40; i++)
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", emulator.Port);
            var junk = new byte[random.Next(1, 600)];
            random.NextBytes(junk);
            if (i % 2 == 0)
            {
                junk[0] = 0xEF; // abridged: the rest is read as frames
            }

            await client.GetStream().WriteAsync(junk);
        }

        await using var sender = emulator.NewSender(new InMemorySessionStore());
        await sender.ConnectAsync().WaitAsync(Timeout);
        Assert.True(emulator.Server.IsListening);
        Assert.True(emulator.Server.ConnectionsAccepted >= 41);
    }

    private static byte[] Tamper(byte[] message)
    {
        message[10] ^= 0xFF;
        return message;
    }

    private static byte[] UnknownConstructorMessage(AuthKey key)
    {
        var body = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(body, 0xDEADBEEF);
        var id = new Signals.Telegram.Mtproto.Session.MessageIdGenerator().Next();
        return MessageCipher.Encrypt(key, MessageDirection.ClientToServer, new MessageHeader(0, 42, id, 1), body);
    }
}
