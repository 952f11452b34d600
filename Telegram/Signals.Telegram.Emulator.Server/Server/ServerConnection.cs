using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Mtproto.Auth;
using Signals.Telegram.Mtproto.Session;
using Signals.Telegram.Mtproto.Transport;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;

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

    private readonly MessageIdGenerator _plainIds = new(server.Time, server: true);
    private TransportCodec? _codec;
    private NetworkStream? _stream;
    private ServerHandshake? _handshake;
    private ServerKeyState? _key;
    private WorldConnection? _worldConnection;
    private TimeSpan _idle = server.Options.IdleTimeout;

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
            cts.CancelAfter(_idle);
            if (await reader.DetectAsync(cts.Token) is not { } kind)
            {
                return;
            }

            _codec = TransportCodec.Create(kind, TransportRole.Server, server.Options.MaxFrameLength);
            while (true)
            {
                cts.CancelAfter(_idle);
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
        if (!PlainMessage.TryDecode(payload, out _, out var body))
        {
            throw new HandshakeException("Malformed plain message.");
        }

        _handshake ??= new ServerHandshake(server.RsaKey, server.Time);
        var step = _handshake.Handle(body);
        if (step.Result is { } result)
        {
            var authKeyId = server.World.RegisterAuthKey(result.AuthKey.Key.ToArray());
            server.Keys[authKeyId] = new ServerKeyState(result.AuthKey, result.ServerSalt);
            server.CountAuthKeyCreated();
            ServerLog.AuthKeyCreated(server.Logger, id, authKeyId);
            _handshake = null;
        }

        await SendAsync(PlainMessage.Encode(_plainIds.Next(), step.Reply), cancellationToken);
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

        var key = _key!;
        var plain = new byte[Math.Max(0, payload.Length - MessageCipher.OuterHeaderSize)];
        if (MessageCipher.TryDecrypt(key.Key, MessageDirection.ClientToServer, payload, plain, out var envelope) != MessageDecryptStatus.Success)
        {
            await SendTransportErrorAsync(cancellationToken);
            return false;
        }

        var header = envelope.Header;
        var session = key.Sessions.GetOrAdd(header.SessionId, sessionId => new ServerSessionState(sessionId, server.Time));
        var replies = new List<(byte[] Body, bool ContentRelated)>();
        var acks = new List<long>();
        bool keepGoing;
        lock (session.Gate)
        {
            if (session.IsNew)
            {
                session.IsNew = false;
                replies.Add((new NewSessionCreated { FirstMsgId = header.MessageId, UniqueId = RandomLong(), ServerSalt = key.Salt }.ToBytes(), true));
            }

            if (CheckMessageId(header) is { } badCode)
            {
                replies.Add((new BadMsgNotification { BadMsgId = header.MessageId, BadMsgSeqno = header.SeqNo, ErrorCode = badCode }.ToBytes(), false));
                keepGoing = true;
            }
            else if (header.Salt != key.Salt)
            {
                replies.Add((new BadServerSalt { BadMsgId = header.MessageId, BadMsgSeqno = header.SeqNo, ErrorCode = 48, NewServerSalt = key.Salt }.ToBytes(), false));
                keepGoing = true;
            }
            else
            {
                keepGoing = Process(session, header.MessageId, header.SeqNo, plain.AsSpan(envelope.BodyRange), replies, acks, insideContainer: false);
            }
        }

        if (!keepGoing)
        {
            // A planned fault: drop the connection with the request unanswered.
            return false;
        }

        await SendRepliesAsync(key, session, replies, acks, cancellationToken);
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

    private int? CheckMessageId(MessageHeader header)
    {
        if (header.MessageId % 4 != 0)
        {
            return 18;
        }

        var seconds = MessageIdGenerator.SecondsOf(header.MessageId);
        var now = server.Time.GetUtcNow().ToUnixTimeSeconds();
        if (seconds < now - (long)server.Options.MaxMessageAge.TotalSeconds)
        {
            return 16;
        }

        return seconds > now + (long)server.Options.MaxMessageLead.TotalSeconds ? 17 : null;
    }

    /// <summary>Handles one message (or a container's messages); false asks to drop the connection.</summary>
    private bool Process(ServerSessionState session, long messageId, int seqNo, ReadOnlySpan<byte> body,
        List<(byte[] Body, bool ContentRelated)> replies, List<long> acks, bool insideContainer)
    {
        if (!session.Remember(messageId))
        {
            return true;
        }

        if ((seqNo & 1) == 1)
        {
            acks.Add(messageId);
        }

        if (body.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(body) == MsgContainer.ConstructorId && !insideContainer)
        {
            var reader = new TlReader(body[4..]);
            foreach (var inner in MsgContainer.ReadBody(ref reader).Messages)
            {
                if (!Process(session, inner.MsgId, inner.Seqno, inner.Body, replies, acks, insideContainer: true))
                {
                    return false;
                }
            }

            return true;
        }

        TlObject message;
        try
        {
            message = TlRegistry.ReadObject(body);
        }
        catch (TlReadException)
        {
            replies.Add((RpcResult.For(messageId, new RpcError { ErrorCode = 400, ErrorMessage = "INPUT_CONSTRUCTOR_INVALID" }).ToBytes(), true));
            return true;
        }

        switch (message)
        {
            case Ping ping:
                replies.Add((new Pong { MsgId = messageId, PingId = ping.PingId }.ToBytes(), true));
                break;
            case PingDelayDisconnect ping:
                // The client asks to be dropped if it stays silent this long; the idle timer does exactly that.
                _idle = TimeSpan.FromSeconds(Math.Clamp(ping.DisconnectDelay, 1, (int)server.Options.IdleTimeout.TotalSeconds));
                replies.Add((new Pong { MsgId = messageId, PingId = ping.PingId }.ToBytes(), true));
                break;
            case GetFutureSalts:
                var now = (int)server.Time.GetUtcNow().ToUnixTimeSeconds();
                var salts = new FutureSalts
                {
                    ReqMsgId = messageId,
                    Now = now,
                    Salts = [new FutureSalt { ValidSince = now - 60, ValidUntil = now + 3600, Salt = _key!.Salt }],
                };
                replies.Add((salts.ToBytes(), true));
                break;
            case TlFunction function:
                if (server.Faults.TakeDrop())
                {
                    return false;
                }

                replies.Add((RpcResult.For(messageId, server.Dispatcher.Answer(function)).ToBytes(), true));
                break;
        }

        return true;
    }

    private async Task SendRepliesAsync(ServerKeyState key, ServerSessionState session, List<(byte[] Body, bool ContentRelated)> replies,
        List<long> acks, CancellationToken cancellationToken)
    {
        byte[] message;
        lock (session.Gate)
        {
            var messages = new List<ContainerMessage>();
            if (acks.Count > 0)
            {
                var ack = new MsgsAck { MsgIds = acks }.ToBytes();
                messages.Add(new ContainerMessage(session.MessageIds.Next(), session.NextSeqNo(false), ack));
            }

            foreach (var (body, contentRelated) in replies)
            {
                messages.Add(new ContainerMessage(session.MessageIds.Next(), session.NextSeqNo(contentRelated), body));
            }

            if (messages.Count == 0)
            {
                return;
            }

            if (messages.Count == 1)
            {
                var only = messages[0];
                message = MessageCipher.Encrypt(key.Key, MessageDirection.ServerToClient, new MessageHeader(key.Salt, session.SessionId, only.MsgId, only.Seqno), only.Body);
            }
            else
            {
                var container = new MsgContainer { Messages = messages }.ToBytes();
                message = MessageCipher.Encrypt(key.Key, MessageDirection.ServerToClient, session.NextHeader(key.Salt, contentRelated: false), container);
            }
        }

        await SendAsync(message, cancellationToken);
    }

    private Task SendTransportErrorAsync(CancellationToken cancellationToken) =>
        WriteAsync(_codec!.EncodeTransportError(AuthKeyNotFound), cancellationToken);

    private Task SendAsync(byte[] payload, CancellationToken cancellationToken) =>
        WriteAsync(_codec!.EncodeFrame(payload), cancellationToken);

    private async Task WriteAsync(byte[] frame, CancellationToken cancellationToken) =>
        await _stream!.WriteAsync(frame, cancellationToken);

    private static long RandomLong() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));

    public override string ToString() => $"ServerConnection({id}, {(socket.RemoteEndPoint as IPEndPoint)?.ToString() ?? "?"})";
}
