namespace Signals.Telegram.Mtproto.Session;

/// <summary>
/// msg_id (/mtproto/description): roughly unixtime × 2^32, strictly increasing on one side. A client's ids are
/// divisible by 4; a server's are 1 mod 4 (answers) — odd either way, so the two sides never collide. The clock is
/// injected, and <see cref="TimeOffsetSeconds"/> corrects ours towards the server's after bad_msg_notification 16/17.
/// </summary>
public sealed class MessageIdGenerator
{
    private readonly TimeProvider _time;
    private readonly bool _server;
    private long _last;

    public MessageIdGenerator(TimeProvider? time = null, bool server = false)
    {
        _time = time ?? TimeProvider.System;
        _server = server;
    }

    /// <summary>Seconds added to the local clock: how far the server's clock is ahead of ours.</summary>
    public int TimeOffsetSeconds { get; set; }

    public long Next()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() + (TimeOffsetSeconds * 1000L);
        var seconds = now / 1000;
        var fraction = (now % 1000) * (1L << 32) / 1000;
        var id = (seconds << 32) | fraction;
        id = _server ? (id & ~3L) | 1 : id & ~3L;
        if (id <= _last)
        {
            id = _last + 4;
        }

        _last = id;
        return id;
    }

    /// <summary>Sets the offset so that our ids carry the time of the server's <paramref name="serverMessageId"/>.</summary>
    public void SynchronizeWith(long serverMessageId)
    {
        TimeOffsetSeconds = (int)(SecondsOf(serverMessageId) - _time.GetUtcNow().ToUnixTimeSeconds());
        // Older ids may now be ahead of the corrected clock; restart so the next id follows the server's time.
        _last = 0;
    }

    /// <summary>The Unix time (seconds) a message id carries.</summary>
    public static long SecondsOf(long messageId) => messageId >> 32;
}
