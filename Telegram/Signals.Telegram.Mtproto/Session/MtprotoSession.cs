using System.Buffers.Binary;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;

namespace Signals.Telegram.Mtproto.Session;

/// <summary>
/// The client's encrypted session (/mtproto/description, /mtproto/service_messages*), sans-IO: requests go in with
/// <see cref="Enqueue"/>, <see cref="Pack"/> turns the queue (and pending acks) into one encrypted message — a
/// msg_container when there is more than one — and <see cref="Receive"/> decrypts what the server sent, handles
/// every service message itself (salts, clock, seqno, acks, containers, gzip, new sessions) and reports only what
/// the owner must act on. Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class MtprotoSession
{
    /// <summary>The spec allows 1020 messages per container; we stay far below so one bad message costs little.</summary>
    private const int MaxContainerMessages = 100;
    private const int MaxContainerBytes = 256 * 1024;
    private const int MaxSends = 5;
    private const int RememberedServerIds = 2048;

    private int _inflateBudget = TlReader.DefaultMaxDecompressedBytes;
    private bool _insideGzip;
    private readonly List<PendingRequest> _queue = [];
    private readonly Dictionary<long, PendingRequest> _sent = [];
    private readonly List<long> _acks = [];
    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _seenOrder = new();
    private readonly List<FutureSalt> _futureSalts = [];
    private readonly TimeProvider _time;
    private int _contentMessages;

    public MtprotoSession(AuthKey authKey, long salt, TimeProvider? time = null, int timeOffsetSeconds = 0, long? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(authKey);
        AuthKey = authKey;
        Salt = salt;
        _time = time ?? TimeProvider.System;
        MessageIds = new MessageIdGenerator(_time) { TimeOffsetSeconds = timeOffsetSeconds };
        SessionId = sessionId ?? RandomSessionId();
    }

    public AuthKey AuthKey { get; }

    public long SessionId { get; private set; }

    /// <summary>The server salt we send; replaced by bad_server_salt, new_session_created and future_salts.</summary>
    public long Salt { get; private set; }

    public MessageIdGenerator MessageIds { get; }

    /// <summary>Requests sent and not yet answered.</summary>
    public int UnansweredCount => _sent.Count;

    /// <summary>Something is queued or an ack is owed.</summary>
    public bool HasOutgoing => _queue.Count > 0 || _acks.Count > 0;

    /// <summary>Salts the server announced in future_salts, oldest first.</summary>
    public IReadOnlyList<FutureSalt> FutureSalts => _futureSalts;

    /// <summary>Queues a request (any TL function, or ping / get_future_salts) to go out with the next <see cref="Pack"/>.</summary>
    public PendingRequest Enqueue(TlObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = new PendingRequest(request, request.ToBytes(), expectsAnswer: true);
        _queue.Add(pending);
        return pending;
    }

    /// <summary>Queues a request ahead of everything else (initConnection must be a new connection's first call).</summary>
    public PendingRequest EnqueueFirst(TlObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = new PendingRequest(request, request.ToBytes(), expectsAnswer: true);
        _queue.Insert(0, pending);
        return pending;
    }

    /// <summary>Forgets a request (its caller gave up); an answer that still arrives is dropped.</summary>
    public bool Cancel(PendingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _queue.Remove(request) | (_sent.TryGetValue(request.MessageId, out var sent) && sent == request && _sent.Remove(request.MessageId));
    }

    /// <summary>
    /// After a reconnect: every request sent but not answered goes back to the queue, to be sent again with a new
    /// msg_id on the same session (the server answers a repeat it has already executed from its cache).
    /// </summary>
    public void RequeueUnanswered()
    {
        var unanswered = _sent.Values.Where(r => r.ExpectsAnswer).OrderBy(r => r.MessageId).ToList();
        _sent.Clear();
        _queue.InsertRange(0, unanswered);
    }

    /// <summary>Starts a new session id (e.g. after the server forgot ours); seqno starts over.</summary>
    public void StartNewSession()
    {
        SessionId = RandomSessionId();
        _contentMessages = 0;
        RequeueUnanswered();
    }

    /// <summary>
    /// Encrypts everything queued (up to a container's worth) plus owed acks into one message, or null when there is
    /// nothing to send. Call again while <see cref="HasOutgoing"/> is true.
    /// </summary>
    public byte[]? Pack()
    {
        if (!HasOutgoing)
        {
            return null;
        }

        UseCurrentFutureSalt();
        var messages = new List<ContainerMessage>();
        var size = 0;
        if (_acks.Count > 0)
        {
            var ack = new MsgsAck { MsgIds = [.. _acks] }.ToBytes();
            _acks.Clear();
            messages.Add(new ContainerMessage(MessageIds.Next(), NextSeqNo(contentRelated: false), ack));
            size += ack.Length;
        }

        var taken = new List<PendingRequest>();
        while (_queue.Count > 0 && messages.Count < MaxContainerMessages
            && (messages.Count == 0 || size + _queue[0].Body.Length <= MaxContainerBytes))
        {
            var request = _queue[0];
            _queue.RemoveAt(0);
            request.MessageId = MessageIds.Next();
            request.ContainerId = 0;
            request.SendCount++;
            _sent[request.MessageId] = request;
            taken.Add(request);
            messages.Add(new ContainerMessage(request.MessageId, NextSeqNo(contentRelated: true), request.Body));
            size += request.Body.Length;
        }

        if (messages.Count == 1)
        {
            var only = messages[0];
            return Encrypt(new MessageHeader(Salt, SessionId, only.MsgId, only.Seqno), only.Body);
        }

        // The container's id must be greater than every id inside it, so it is taken last.
        var containerId = MessageIds.Next();
        foreach (var request in taken)
        {
            request.ContainerId = containerId;
        }

        var body = new MsgContainer { Messages = messages }.ToBytes();
        return Encrypt(new MessageHeader(Salt, SessionId, containerId, NextSeqNo(contentRelated: false)), body);
    }

    /// <summary>
    /// Decrypts and handles one message from the server. Throws <see cref="MtprotoSessionException"/> when it fails a
    /// security check (wrong key, msg_key, length, session or msg_id parity): drop the connection. Content that merely
    /// cannot be read (an unknown constructor) is skipped without losing the rest of a container.
    /// </summary>
    public IReadOnlyList<SessionEvent> Receive(ReadOnlySpan<byte> message)
    {
        var plain = new byte[Math.Max(0, message.Length - MessageCipher.OuterHeaderSize)];
        var status = MessageCipher.TryDecrypt(AuthKey, MessageDirection.ServerToClient, message, plain, out var envelope);
        if (status != MessageDecryptStatus.Success)
        {
            throw new MtprotoSessionException(status, $"Server message rejected: {status}.");
        }

        var header = envelope.Header;
        if (header.SessionId != SessionId)
        {
            throw new MtprotoSessionException(MessageDecryptStatus.Success, "Server message for another session.");
        }

        if ((header.MessageId & 1) == 0)
        {
            throw new MtprotoSessionException(MessageDecryptStatus.Success, "A server msg_id must be odd.");
        }

        var events = new List<SessionEvent>();
        _inflateBudget = TlReader.DefaultMaxDecompressedBytes;
        Process(header.MessageId, header.SeqNo, plain.AsSpan(envelope.BodyRange), events, insideContainer: false);
        return events;
    }

    private void Process(long messageId, int seqNo, ReadOnlySpan<byte> body, List<SessionEvent> events, bool insideContainer)
    {
        if (!Remember(messageId))
        {
            return;
        }

        if ((seqNo & 1) == 1)
        {
            _acks.Add(messageId);
        }

        try
        {
            Dispatch(messageId, body, events, insideContainer);
        }
        catch (TlReadException)
        {
            // An object we cannot read is skipped; it was acknowledged, as Telegram's clients do with unknown types.
        }
    }

    private void Dispatch(long messageId, ReadOnlySpan<byte> body, List<SessionEvent> events, bool insideContainer)
    {
        if (body.Length < 4)
        {
            throw new TlReadException("Message body shorter than a constructor id.");
        }

        var reader = new TlReader(body[4..]);
        switch (BinaryPrimitives.ReadUInt32LittleEndian(body))
        {
            case MsgContainer.ConstructorId when !insideContainer:
                foreach (var inner in MsgContainer.ReadBody(ref reader).Messages)
                {
                    Process(inner.MsgId, inner.Seqno, inner.Body, events, insideContainer: true);
                }

                return;
            case RpcResult.ConstructorId:
                var result = RpcResult.ReadBody(ref reader);
                Answer(result.ReqMsgId, result, events);
                return;
            case TlConstructors.GzipPacked:
                // One inflate budget per received message, shared by every gzip_packed in it, and no gzip inside gzip:
                // a hostile frame cannot multiply the work or memory one message costs.
                if (_insideGzip)
                {
                    throw new TlReadException("gzip_packed inside gzip_packed.");
                }

                var inflated = TlGzip.Inflate(reader.ReadBytesSpan(), _inflateBudget);
                _inflateBudget -= inflated.Length;
                _insideGzip = true;
                try
                {
                    Dispatch(messageId, inflated, events, insideContainer);
                }
                finally
                {
                    _insideGzip = false;
                }

                return;
        }

        switch (TlRegistry.ReadObject(body))
        {
            case Pong pong:
                Answer(pong.MsgId, new RpcResult { ReqMsgId = pong.MsgId, Result = body.ToArray() }, events);
                break;
            case FutureSalts salts:
                _futureSalts.Clear();
                _futureSalts.AddRange(salts.Salts.OrderBy(s => s.ValidSince));
                Answer(salts.ReqMsgId, new RpcResult { ReqMsgId = salts.ReqMsgId, Result = body.ToArray() }, events);
                break;
            case BadServerSalt badSalt:
                Salt = badSalt.NewServerSalt;
                Resend(badSalt.BadMsgId, events, errorCode: badSalt.ErrorCode);
                break;
            case BadMsgNotification bad:
                HandleBadMessage(bad, messageId, events);
                break;
            case NewSessionCreated created:
                Salt = created.ServerSalt;
                events.Add(new NewSessionStarted(created.FirstMsgId));
                break;
            case MsgDetailedInfo detailed:
                _acks.Add(detailed.AnswerMsgId);
                break;
            case MsgNewDetailedInfo detailed:
                _acks.Add(detailed.AnswerMsgId);
                break;
            case MsgsAck or MsgsStateInfo or MsgsAllInfo or MsgResendReq or DestroySessionRes:
                break;
            case var other:
                events.Add(new UnsolicitedMessage(other));
                break;
        }
    }

    private void HandleBadMessage(BadMsgNotification bad, long notificationId, List<SessionEvent> events)
    {
        switch (bad.ErrorCode)
        {
            case 16 or 17:
                // Our clock is off by more than the server tolerates; its own msg_id tells the right time.
                MessageIds.SynchronizeWith(notificationId);
                break;
            case 32:
                // seqno too low: jump well past whatever the server has seen (as Telethon does).
                _contentMessages += 64;
                break;
            case 33:
                _contentMessages = Math.Max(0, _contentMessages - 16);
                break;
            case 18 or 19 or 20 or 34 or 35 or 48 or 64:
                break;
            default:
                Reject(bad.BadMsgId, bad.ErrorCode, events);
                return;
        }

        Resend(bad.BadMsgId, events, bad.ErrorCode);
    }

    /// <summary>Puts the request(s) behind a refused msg_id (or container) back in front of the queue.</summary>
    private void Resend(long badMessageId, List<SessionEvent> events, int errorCode)
    {
        var affected = _sent.Values.Where(r => r.MessageId == badMessageId || r.ContainerId == badMessageId)
            .OrderBy(r => r.MessageId).ToList();
        var index = 0;
        foreach (var request in affected)
        {
            _sent.Remove(request.MessageId);
            if (request.SendCount >= MaxSends)
            {
                events.Add(new RequestRejected(request, errorCode));
                continue;
            }

            _queue.Insert(index++, request);
        }
    }

    private void Reject(long badMessageId, int errorCode, List<SessionEvent> events)
    {
        foreach (var request in _sent.Values.Where(r => r.MessageId == badMessageId || r.ContainerId == badMessageId).ToList())
        {
            _sent.Remove(request.MessageId);
            events.Add(new RequestRejected(request, errorCode));
        }
    }

    private void Answer(long requestId, RpcResult result, List<SessionEvent> events)
    {
        if (_sent.Remove(requestId, out var request))
        {
            events.Add(new RequestAnswered(request, result));
        }
    }

    private bool Remember(long messageId)
    {
        if (!_seen.Add(messageId))
        {
            return false;
        }

        _seenOrder.Enqueue(messageId);
        if (_seenOrder.Count > RememberedServerIds)
        {
            _seen.Remove(_seenOrder.Dequeue());
        }

        return true;
    }

    private void UseCurrentFutureSalt()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds() + MessageIds.TimeOffsetSeconds;
        _futureSalts.RemoveAll(s => s.ValidUntil <= now);
        if (_futureSalts.FirstOrDefault(s => s.ValidSince <= now) is { } current)
        {
            Salt = current.Salt;
        }
    }

    private int NextSeqNo(bool contentRelated) => contentRelated ? (_contentMessages++ * 2) + 1 : _contentMessages * 2;

    private byte[] Encrypt(MessageHeader header, ReadOnlySpan<byte> body) =>
        MessageCipher.Encrypt(AuthKey, MessageDirection.ClientToServer, header, body);

    private static long RandomSessionId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }
}
