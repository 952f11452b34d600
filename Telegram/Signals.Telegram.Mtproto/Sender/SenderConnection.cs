using System.Net.Sockets;
using Signals.Telegram.Mtproto.Transport;

namespace Signals.Telegram.Mtproto.Sender;

/// <summary>One TCP connection of a sender: socket, framing codec and frame reader.</summary>
internal sealed class SenderConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly FrameReader _reader;
    private readonly TransportCodec _codec;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private SenderConnection(TcpClient client, TransportKind kind)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new FrameReader(_stream);
        _codec = TransportCodec.Create(kind, TransportRole.Client);
    }

    public static async Task<SenderConnection> OpenAsync(string host, int port, TransportKind kind, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
            var connection = new SenderConnection(client, kind);
            if (!connection._codec.ClientPrefix.IsEmpty)
            {
                await connection._stream.WriteAsync(connection._codec.ClientPrefix.ToArray(), cancellationToken);
            }

            return connection;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task SendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(_codec.EncodeFrame(payload), cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The next payload; transport errors become <see cref="MtprotoException"/>, a closed socket an <see cref="IOException"/>.</summary>
    public async Task<byte[]> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await _reader.ReadAsync(_codec, cancellationToken) ?? throw new IOException("The server closed the connection.");
            switch (frame.Kind)
            {
                case TransportFrameKind.Payload:
                    return frame.Payload;
                case TransportFrameKind.TransportError:
                    throw new MtprotoException($"Transport error {frame.ErrorCode} from the server.") { TransportErrorCode = frame.ErrorCode };
            }
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
        _writeLock.Dispose();
    }
}
