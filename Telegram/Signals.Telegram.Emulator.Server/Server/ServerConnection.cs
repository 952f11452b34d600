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
    private readonly ConnectionProtocol _protocol = new(server, id);
    private readonly ConnectionOutbox _outbox = new(server, id);
    private TransportCodec? _codec;
    private ServerKeyState? _key;
    private WorldConnection? _worldConnection;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _outbox.Lifetime = lifetime.Token;
        var remote = socket.RemoteEndPoint;
        var reason = "closed by the peer";
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var reader = new FrameReader(stream);
            cts.CancelAfter(_protocol.IdleTimeout);
            if (await reader.DetectAsync(cts.Token) is not { } kind)
            {
                return;
            }

            _codec = TransportCodec.Create(kind, TransportRole.Server, server.Options.MaxFrameLength);
            _outbox.Open(stream, _codec, _protocol);
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
            await lifetime.CancelAsync();
            _worldConnection?.Close();
            socket.Dispose();
            ServerLog.ConnectionClosed(server.Logger, id, remote, reason);
        }
    }

    /// <summary>The account this connection's key is logged in as, or null.</summary>
    public long? LoggedInUserId => _worldConnection is { IsOpen: true } world ? world.Me?.Id : null;

    /// <summary>Writes an updates object on the session last used, without waiting (faults: updatesTooLong).</summary>
    public void Push(Signals.Telegram.Tl.TlObject updates) => _outbox.Push(updates);

    private Task<bool> HandlePlainAsync(byte[] payload, CancellationToken cancellationToken) =>
        _outbox.ExclusiveAsync(
            async () =>
            {
                await _outbox.SendAsync(_protocol.HandlePlain(payload), cancellationToken);
                return true;
            },
            cancellationToken);

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

        // The protocol encrypts its reply as it handles the message: the writer's lock covers both.
        var outcome = await _outbox.ExclusiveAsync(
            async () =>
            {
                var handled = _protocol.HandleEncrypted(_key!, payload);
                switch (handled.Verdict)
                {
                    case EncryptedVerdict.TransportErrorAndClose:
                        await _outbox.SendTransportErrorAsync(cancellationToken);
                        break;
                    case EncryptedVerdict.Continue when handled.Reply is { } reply:
                        await _outbox.SendAsync(reply, cancellationToken);
                        break;
                }

                return handled;
            },
            cancellationToken);
        if (outcome.Verdict != EncryptedVerdict.Continue)
        {
            return false;
        }

        foreach (var deferred in outcome.Deferred ?? [])
        {
            _outbox.AnswerLater(deferred);
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
        _outbox.Key = _key;
        try
        {
            _worldConnection = server.World.OpenConnection($"mtproto:{authKeyId:x16}", authKeyId, ConnectionFeed.UpdateBoxes, judgedByUse: true);
            _protocol.World = _worldConnection;
            _ = _outbox.PumpAsync(_worldConnection);
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

    private Task SendTransportErrorAsync(CancellationToken cancellationToken) => _outbox.SendTransportErrorAsync(cancellationToken);

    public override string ToString() => $"ServerConnection({id}, {(socket.RemoteEndPoint as IPEndPoint)?.ToString() ?? "?"})";
}
