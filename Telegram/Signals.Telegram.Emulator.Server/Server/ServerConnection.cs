using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;
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

    // Replies, late replies and pushes share the socket: one writer at a time, each message encrypted while its
    // writer holds the lock, so msg_ids and seqnos reach the client in the order they were made.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private CancellationToken _connectionToken;
    private TransportCodec? _codec;
    private NetworkStream? _stream;
    private ServerKeyState? _key;
    private WorldConnection? _worldConnection;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _connectionToken = lifetime.Token;
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
            await lifetime.CancelAsync();
            _worldConnection?.Close();
            socket.Dispose();
            ServerLog.ConnectionClosed(server.Logger, id, remote, reason);
        }
    }

    /// <summary>The account this connection's key is logged in as, or null.</summary>
    public long? LoggedInUserId => _worldConnection is { IsOpen: true } world ? world.Me?.Id : null;

    /// <summary>Writes an updates object on the session last used, without waiting (faults: updatesTooLong).</summary>
    public void Push(Signals.Telegram.Tl.TlObject updates) => _ = WriteEncryptedAsync(updates);

    private async Task<bool> HandlePlainAsync(byte[] payload, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await SendAsync(_protocol.HandlePlain(payload), cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

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

        await _writeLock.WaitAsync(cancellationToken);
        EncryptedOutcome outcome;
        try
        {
            outcome = _protocol.HandleEncrypted(_key!, payload);
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
        }
        finally
        {
            _writeLock.Release();
        }

        foreach (var deferred in outcome.Deferred ?? [])
        {
            _ = AnswerLaterAsync(deferred);
        }

        return true;
    }

    /// <summary>Writes a call's answer when the world has it, while the read loop goes on serving the connection.</summary>
    private async Task AnswerLaterAsync(DeferredReply deferred)
    {
        Signals.Telegram.Tl.TlObject answer;
        try
        {
            answer = await deferred.Answer.WaitAsync(_connectionToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (TelegramException error)
        {
            answer = RpcErrors.From(error);
        }
        catch (Exception e)
        {
            ServerLog.ConnectionFailed(server.Logger, id, e);
            answer = RpcErrors.Of(500, "INTERNAL_SERVER_ERROR");
        }

        await WriteEncryptedAsync(Signals.Telegram.Tl.Service.RpcResult.For(deferred.RequestMessageId, answer), deferred.Session);
    }

    /// <summary>Encrypts and writes one message on a session (the last used when none is given); a closed socket drops it.</summary>
    private async Task WriteEncryptedAsync(Signals.Telegram.Tl.TlObject body, ServerSessionState? session = null)
    {
        try
        {
            await _writeLock.WaitAsync(_connectionToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (_key is null || (session ?? _protocol.LastSession) is not { } target || _codec is null)
            {
                return;
            }

            await SendAsync(ConnectionProtocol.EncryptOne(_key, target, body), _connectionToken);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The connection is going away; whatever it owed is lost with it, as with a real socket.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Turns the world's pushed update-box entries into Telegram's updates on this connection.</summary>
    private async Task PumpUpdatesAsync(WorldConnection world)
    {
        try
        {
            await foreach (var update in world.BoxUpdates.ReadAllAsync(_connectionToken))
            {
                if (world.Me?.Id is not { } viewerId || PushedUpdates.Push(update, world, viewerId, server.Time.GetUtcNow()) is not { } updates)
                {
                    continue;
                }

                if (!server.Faults.TakePushSkip())
                {
                    await WriteEncryptedAsync(updates);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or TelegramException or ChannelClosedException)
        {
            // The connection closed (or the world closed it); the read loop ends it.
        }
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
            _worldConnection = server.World.OpenConnection($"mtproto:{authKeyId:x16}", authKeyId, ConnectionFeed.UpdateBoxes);
            _protocol.World = _worldConnection;
            _ = PumpUpdatesAsync(_worldConnection);
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
