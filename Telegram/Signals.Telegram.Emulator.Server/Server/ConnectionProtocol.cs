using System.Buffers.Binary;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Auth;
using Signals.Telegram.Mtproto.Session;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// The sans-IO half of one client connection: plain key-exchange messages in, plain replies out; encrypted
/// messages under an attached key in, an encrypted reply and a verdict out. <see cref="ServerConnection"/> does the
/// socket work around it; tests (the fuzz campaign above all) drive it without any socket. Not thread-safe: one
/// connection reads one message at a time.
/// </summary>
internal sealed class ConnectionProtocol(MtprotoServer server, long connectionId)
{
    private readonly MessageIdGenerator _plainIds = new(server.Time, server: true);
    private ServerHandshake? _handshake;

    /// <summary>How long the connection may stay silent; ping_delay_disconnect shortens it.</summary>
    public TimeSpan IdleTimeout { get; private set; } = server.Options.IdleTimeout;

    /// <summary>The world's side of this connection once a key is attached; API calls are answered on it.</summary>
    public Signals.Telegram.Emulator.World.WorldConnection? World { get; set; }

    /// <summary>The session of the last message handled: pushed updates go there, as Telegram sends them.</summary>
    public ServerSessionState? LastSession { get; private set; }

    /// <summary>
    /// Handles one plain message (a key-exchange step) and returns the plain reply. A finished exchange registers its
    /// key with the world. Throws <see cref="HandshakeException"/> for anything malformed or out of order.
    /// </summary>
    public byte[] HandlePlain(ReadOnlySpan<byte> payload)
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
            ServerLog.AuthKeyCreated(server.Logger, connectionId, authKeyId);
            _handshake = null;
        }

        return PlainMessage.Encode(_plainIds.Next(), step.Reply);
    }

    /// <summary>
    /// Decrypts and handles one message under <paramref name="key"/> (the connection's attached key). Throws
    /// <see cref="TlReadException"/> when a container cannot be read, which ends the connection.
    /// </summary>
    public EncryptedOutcome HandleEncrypted(ServerKeyState key, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        var plain = new byte[Math.Max(0, payload.Length - MessageCipher.OuterHeaderSize)];
        if (MessageCipher.TryDecrypt(key.Key, MessageDirection.ClientToServer, payload, plain, out var envelope) != MessageDecryptStatus.Success)
        {
            return EncryptedOutcome.TransportError;
        }

        // A key Telegram revoked (AUTH_KEY_DUPLICATED, a revoked session) is dead for every connection at once,
        // including one that was already open: -404 and close, as Telegram answers an unknown key.
        if (!server.World.IsAuthKeyUsable(key.Key.Id))
        {
            return EncryptedOutcome.TransportError;
        }

        var header = envelope.Header;

        // Every message is a use of the key: two client sessions using one key at once is AUTH_KEY_DUPLICATED.
        if (World is { } world && !world.Use(header.SessionId))
        {
            return EncryptedOutcome.TransportError;
        }

        var session = key.Sessions.GetOrAdd(header.SessionId, sessionId => new ServerSessionState(sessionId, server.Time));
        var replies = new List<(byte[] Body, bool ContentRelated)>();
        var acks = new List<long>();
        var deferred = new List<DeferredReply>();
        LastSession = session;
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
            }
            else if (header.Salt != key.Salt)
            {
                replies.Add((new BadServerSalt { BadMsgId = header.MessageId, BadMsgSeqno = header.SeqNo, ErrorCode = 48, NewServerSalt = key.Salt }.ToBytes(), false));
            }
            else if (!Process(key, session, header.MessageId, header.SeqNo, plain.AsSpan(envelope.BodyRange), replies, acks, deferred, insideContainer: false))
            {
                // A planned fault: drop the connection with the request unanswered.
                return EncryptedOutcome.Close;
            }

            return new EncryptedOutcome(EncryptedVerdict.Continue, EncryptReplies(key, session, replies, acks), deferred.Count > 0 ? deferred : null);
        }
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
    private bool Process(ServerKeyState key, ServerSessionState session, long messageId, int seqNo, ReadOnlySpan<byte> body,
        List<(byte[] Body, bool ContentRelated)> replies, List<long> acks, List<DeferredReply> deferred, bool insideContainer)
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
                if (!Process(key, session, inner.MsgId, inner.Seqno, inner.Body, replies, acks, deferred, insideContainer: true))
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
                IdleTimeout = TimeSpan.FromSeconds(Math.Clamp(ping.DisconnectDelay, 1, (int)server.Options.IdleTimeout.TotalSeconds));
                replies.Add((new Pong { MsgId = messageId, PingId = ping.PingId }.ToBytes(), true));
                break;
            case GetFutureSalts:
                var now = (int)server.Time.GetUtcNow().ToUnixTimeSeconds();
                var salts = new FutureSalts
                {
                    ReqMsgId = messageId,
                    Now = now,
                    Salts = [new FutureSalt { ValidSince = now - 60, ValidUntil = now + 3600, Salt = key.Salt }],
                };
                replies.Add((salts.ToBytes(), true));
                break;
            case TlFunction function:
                if (server.Faults.TakeDrop() || (IsDifferenceCall(function) && server.Faults.TakeDifferenceDrop()))
                {
                    return false;
                }

                if (server.Faults.TakeErrorAnswer(function) is { } planned)
                {
                    replies.Add((RpcResult.For(messageId, planned).ToBytes(), true));
                    break;
                }

                if (World is { } named && ClientSessionLabel.Of(function) is { } label)
                {
                    named.NameSession(label);
                }

                var answer = server.Dispatcher.Answer(function, World);
                if (answer.Later is { } later)
                {
                    deferred.Add(new DeferredReply(session, messageId, later));
                }
                else
                {
                    replies.Add((RpcResult.For(messageId, answer.Now!).ToBytes(), true));
                }

                break;
        }

        return true;
    }

    /// <summary>One content-related message (a late rpc_result, a pushed update) encrypted on a session, under its lock.</summary>
    public static byte[] EncryptOne(ServerKeyState key, ServerSessionState session, TlObject body)
    {
        lock (session.Gate)
        {
            return MessageCipher.Encrypt(key.Key, MessageDirection.ServerToClient, session.NextHeader(key.Salt, contentRelated: true), body.ToBytes());
        }
    }

    private static bool IsDifferenceCall(TlFunction function) =>
        RpcDispatcher.Unwrap(function) is Signals.Telegram.Tl.Updates.GetDifference or Signals.Telegram.Tl.Updates.GetChannelDifference;

    /// <summary>Acks and replies in one encrypted message (a container when more than one); null when nothing is owed.</summary>
    private static byte[]? EncryptReplies(ServerKeyState key, ServerSessionState session, List<(byte[] Body, bool ContentRelated)> replies, List<long> acks)
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

        switch (messages.Count)
        {
            case 0:
                return null;
            case 1:
                var only = messages[0];
                return MessageCipher.Encrypt(key.Key, MessageDirection.ServerToClient, new MessageHeader(key.Salt, session.SessionId, only.MsgId, only.Seqno), only.Body);
            default:
                var container = new MsgContainer { Messages = messages }.ToBytes();
                return MessageCipher.Encrypt(key.Key, MessageDirection.ServerToClient, session.NextHeader(key.Salt, contentRelated: false), container);
        }
    }

    private static long RandomLong() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
}
