using Signals.Telegram.Tl;

namespace Signals.Telegram.Mtproto.Session;

/// <summary>
/// One request the session has not seen answered. Its msg_id changes whenever it is resent (after a new salt, a
/// clock correction or a reconnect); the object itself stays, so callers can keep it as their handle.
/// </summary>
public sealed class PendingRequest
{
    internal PendingRequest(TlObject request, byte[] body, bool expectsAnswer)
    {
        Request = request;
        Body = body;
        ExpectsAnswer = expectsAnswer;
    }

    public TlObject Request { get; }

    /// <summary>The serialised request, kept for resending.</summary>
    internal byte[] Body { get; }

    /// <summary>False for fire-and-forget messages (msgs_ack) that nobody waits for.</summary>
    internal bool ExpectsAnswer { get; }

    /// <summary>The msg_id of the last send; 0 while it is queued.</summary>
    public long MessageId { get; internal set; }

    /// <summary>The container it travelled in last, if any (a bad_msg about the container concerns it too).</summary>
    internal long ContainerId { get; set; }

    /// <summary>How many times it went out.</summary>
    public int SendCount { get; internal set; }

    /// <summary>Whatever the owner wants to attach (the sender keeps its completion source here).</summary>
    public object? State { get; set; }
}
