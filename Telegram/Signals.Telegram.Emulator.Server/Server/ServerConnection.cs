using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Mtproto.Auth;
using Signals.Telegram.Mtproto.Transport;
using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// One client's TCP connection: detects its framing, runs key exchanges in plain messages, then serves encrypted
/// messages on one auth key. While a key is in use here, the world holds a connection on it, so a second live
/// connection on the same key is an AUTH_KEY_DUPLICATED. Anything malformed ends this connection and nothing else.
/// </summary>
internal sealed class ServerConnection(MtprotoServer server, Socket socket, long id)
{
    /// <summary>Telegram's transport error for an unknown key or a message that fails its checks.</summary>
    private const int AuthKeyNotFound = -404;

    private readonly ConnectionProtocol _protocol = new(server, id);
    private TransportCodec? _codec;
    private NetworkStream? _stream;
    private ServerKeyState? _key;
    private WorldConnection? _worldConnection;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remote = socket.RemoteEndPoint;
        var reason = "closed by the peer";
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            _stream = stream;
            var reader = new FrameReader(stream);
            cts.CancelAfter(_protocol.IdleTimeout);
            if (await reader.DetectAsync(cts.Token) is not { } kind)
            {
                return;
            }

            _codec = TransportCodec.Create(kind, TransportRole.Server, server.Options.MaxFrameLength);
            while (true)
            {
                cts.CancelAfter(_protocol.IdleTimeout);
                if (await reader.ReadAsync(_codec, cts.Token) is not { } frame)
                {
                    break;
                }

                if (frame.Kind != TransportFrameKind.Payload)
                {
                    continue;
                }

                var keepGoing = PlainMessage.IsPlain(frame.Payload)
                    ? await HandlePlainAsync(frame.Payload, cts.Token)
                    : await HandleEncryptedAsync(frame.Payload, cts, cts.Token);
                if (!keepGoing)
                {
                    reason = "closed by the server";
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = cancellationToken.IsCancellationRequested ? "server stopping" : "idle, or its auth key was revoked";
        }
        catch (Exception e) when (e is TransportException or HandshakeException or TlReadException or IOException or SocketException
            or CryptographicException or ObjectDisposedException or InvalidOperationException)
        {
            reason = $"{e.GetType().Name}: {e.Message}";
        }
        catch (Exception e)
        {
            // A bug of ours, not the peer's doing; still only this connection may suffer from it.
            reason = "unexpected failure";
            ServerLog.ConnectionFailed(server.Logger, id, e);
        }
        finally
        {
            _worldConnection?.Close();
            socket.Dispose();
            ServerLog.ConnectionClosed(server.Logger, id, remote, reason);
        }
    }

    private async Task<bool> HandlePlainAsync(byte[] payload, CancellationToken cancellationToken)
    {
        await SendAsync(_protocol.HandlePlain(payload), cancellationToken);
        return true;
    }

    private async Task<bool> HandleEncryptedAsync(byte[] payload, CancellationTokenSource connection, CancellationToken cancellationToken)
    {
        if (!MessageCipher.TryReadAuthKeyId(payload, out var authKeyId))
        {
            return false;
        }

        if (_key is null)
        {
            if (!await TryAttachKeyAsync(authKeyId, connection, cancellationToken))
            {
                return false;
            }
        }
        else if (_key.Key.Id != authKeyId)
        {
            // One connection, one key: switching keys mid-connection is not something a real client does.
            return false;
        }

        var outcome = _protocol.HandleEncrypted(_key!, payload);
        switch (outcome.Verdict)
        {
            case EncryptedVerdict.TransportErrorAndClose:
                await SendTransportErrorAsync(cancellationToken);
                return false;
            case EncryptedVerdict.Close:
                return false;
        }

        if (outcome.Reply is { } reply)
        {
            await SendAsync(reply, cancellationToken);
        }

        return true;
    }

    private async Task<bool> TryAttachKeyAsync(long authKeyId, CancellationTokenSource connection, CancellationToken cancellationToken)
    {
        if (!server.World.TryGetAuthKey(authKeyId, out var keyBytes))
        {
            await SendTransportErrorAsync(cancellationToken);
            return false;
        }

        _key = server.Keys.GetOrAdd(authKeyId, _ => new ServerKeyState(new AuthKey(keyBytes), ServerKeyState.RandomSalt()));
        try
        {
            _worldConnection = server.World.OpenConnection($"mtproto:{authKeyId:x16}", authKeyId);
            _protocol.World = _worldConnection;
        }
        catch (TelegramException)
        {
            // AUTH_KEY_DUPLICATED (the world destroyed the key) or an unregistered key.
            await SendTransportErrorAsync(cancellationToken);
            return false;
        }

        // When the world closes the connection (the key was revoked), so do we.
        _ = _worldConnection.Closed.ContinueWith(
            _ =>
            {
                try
                {
                    connection.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The connection ended first.
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return true;
    }

    private Task SendTransportErrorAsync(CancellationToken cancellationToken) =>
        WriteAsync(_codec!.EncodeTransportError(AuthKeyNotFound), cancellationToken);

    private Task SendAsync(byte[] payload, CancellationToken cancellationToken) =>
        WriteAsync(_codec!.EncodeFrame(payload), cancellationToken);

    private async Task WriteAsync(byte[] frame, CancellationToken cancellationToken) =>
        await _stream!.WriteAsync(frame, cancellationToken);

    public override string ToString() => $"ServerConnection({id}, {(socket.RemoteEndPoint as IPEndPoint)?.ToString() ?? "?"})";
}
