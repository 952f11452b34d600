using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Session;

namespace Signals.Telegram.Emulator.Server;

/// <summary>The server's side of one client session: its outgoing ids and seqno, and the client ids already seen.</summary>
internal sealed class ServerSessionState(long sessionId, TimeProvider time)
{
    private const int RememberedIds = 4096;
    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _seenOrder = new();
    private int _contentMessages;

    public long SessionId { get; } = sessionId;

    public MessageIdGenerator MessageIds { get; } = new(time, server: true);

    public object Gate { get; } = new();

    /// <summary>True until the first message has been answered with new_session_created.</summary>
    public bool IsNew { get; set; } = true;

    /// <summary>False when the msg_id was seen already (a replay or a resend of something handled).</summary>
    public bool Remember(long messageId)
    {
        if (!_seen.Add(messageId))
        {
            return false;
        }

        _seenOrder.Enqueue(messageId);
        if (_seenOrder.Count > RememberedIds)
        {
            _seen.Remove(_seenOrder.Dequeue());
        }

        return true;
    }

    public int NextSeqNo(bool contentRelated) => contentRelated ? (_contentMessages++ * 2) + 1 : _contentMessages * 2;

    public MessageHeader NextHeader(long salt, bool contentRelated) =>
        new(salt, SessionId, MessageIds.Next(), NextSeqNo(contentRelated));
}
