using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;

namespace Signals.Telegram.Emulator.Faults;

/// <summary>
/// Faults on demand: failing and flood-waited sends, lost replies, held sends, dropped connections and revoked
/// sessions. Send faults are armed for the next N sends, optionally of one session only, and served in the
/// order they were armed.
/// </summary>
public sealed class WorldFaults
{
    private readonly TelegramWorld _world;
    private readonly List<PendingSendFault> _pending = [];
    private readonly Dictionary<long, DateTimeOffset> _floodUntil = [];
    private TaskCompletionSource? _hold;
    private int _heldSends;
    private bool _duplicateRandomIdIsError;

    internal WorldFaults(TelegramWorld world) => _world = world;

    /// <summary>Sends currently waiting at a hold (see <see cref="HoldSends"/>).</summary>
    public int HeldSends => Volatile.Read(ref _heldSends);

    /// <summary>The next <paramref name="count"/> sends fail with a transient error before anything is stored.</summary>
    public void FailNextSends(int count, string? sessionName = null) =>
        Arm(new PendingSendFault(SendFaultKind.Fail, sessionName, count, TimeSpan.Zero));

    /// <summary>
    /// The next <paramref name="count"/> sends are stored, but the caller gets a transient error instead of the
    /// answer: the "did it go out?" case that random_id exists for.
    /// </summary>
    public void LoseNextSendReplies(int count, string? sessionName = null) =>
        Arm(new PendingSendFault(SendFaultKind.LoseReply, sessionName, count, TimeSpan.Zero));

    /// <summary>
    /// The next <paramref name="count"/> sends get FLOOD_WAIT of <paramref name="retryAfter"/>. As on Telegram, the
    /// sender's account then stays flood-waited for that long: an earlier retry gets FLOOD_WAIT again with the time
    /// left and counts as a <see cref="WorldCounters.FloodWaitViolations">violation</see>.
    /// </summary>
    public void FloodWaitNextSends(TimeSpan retryAfter, int count = 1, string? sessionName = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.FromSeconds(1));
        Arm(new PendingSendFault(SendFaultKind.FloodWait, sessionName, count, retryAfter));
    }

    /// <summary>
    /// While on, a repeated random_id toward the same peer is answered with RANDOM_ID_DUPLICATE (400), as Telegram
    /// answers a repeat that overlaps the first send still in flight, instead of with the earlier message.
    /// </summary>
    public void AnswerRepeatedRandomIdsWithError(bool enabled)
    {
        lock (_world.Gate)
        {
            _duplicateRandomIdIsError = enabled;
        }
    }

    /// <summary>Sends wait (in flight, unanswered) until <see cref="ReleaseSends"/> or until their connection closes.</summary>
    public void HoldSends()
    {
        lock (_world.Gate)
        {
            _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseSends()
    {
        lock (_world.Gate)
        {
            _hold?.TrySetResult();
            _hold = null;
        }
    }

    /// <summary>Drops every live connection of a session: <c>IsOpen</c> turns false, calls fail as transient.</summary>
    /// <returns>How many connections were dropped.</returns>
    public int Disconnect(string sessionName)
    {
        lock (_world.Gate)
        {
            var live = _world.Connections.LiveOf(sessionName);
            foreach (var connection in live)
            {
                _world.Connections.Close(connection, ConnectionFault.Lost);
                _world.Counters.Increment(CounterKind.Disconnects);
            }

            return live.Count;
        }
    }

    /// <summary>
    /// Terminates a session's authorization, as "terminate session" in another client does: its auth keys are
    /// destroyed and its live connections fail with SESSION_REVOKED.
    /// </summary>
    /// <returns>How many auth keys were revoked.</returns>
    public int RevokeSession(string sessionName)
    {
        lock (_world.Gate)
        {
            var keys = _world.Connections.KeysOf(sessionName);
            foreach (var key in keys)
            {
                _world.Connections.Destroy(key, ConnectionFault.Revoked);
                _world.Counters.Increment(CounterKind.SessionsRevoked);
            }

            return keys.Count;
        }
    }

    /// <summary>Disarms every pending send fault, ends all flood waits and releases held sends.</summary>
    public void Clear()
    {
        lock (_world.Gate)
        {
            _pending.Clear();
            _floodUntil.Clear();
            _duplicateRandomIdIsError = false;
        }

        ReleaseSends();
    }

    internal Task? EnterHold()
    {
        lock (_world.Gate)
        {
            if (_hold is null)
            {
                return null;
            }

            _heldSends++;
            return _hold.Task;
        }
    }

    internal void LeaveHold() => Interlocked.Decrement(ref _heldSends);

    /// <summary>Called under the world's lock before a send is stored.</summary>
    internal void ThrowIfSendFaulted(string sessionName, long userId, DateTimeOffset now)
    {
        if (_floodUntil.TryGetValue(userId, out var until))
        {
            if (now < until)
            {
                _world.Counters.Increment(CounterKind.FloodWaitViolations);
                throw new TelegramFloodWaitException(WholeSeconds(until - now));
            }

            _floodUntil.Remove(userId);
        }

        var fault = Take(sessionName, SendFaultKind.FloodWait) ?? Take(sessionName, SendFaultKind.Fail);
        switch (fault?.Kind)
        {
            case SendFaultKind.FloodWait:
                _world.Counters.Increment(CounterKind.FloodWaitsServed);
                _floodUntil[userId] = now + fault.RetryAfter;
                throw new TelegramFloodWaitException(WholeSeconds(fault.RetryAfter));
            case SendFaultKind.Fail:
                _world.Counters.Increment(CounterKind.TransientFailuresServed);
                throw new TelegramTransientException("RPC_CALL_FAIL", "RPC_CALL_FAIL: the server failed to answer the call");
        }
    }

    /// <summary>Called under the world's lock when a send repeats an earlier random_id.</summary>
    internal void ThrowIfDuplicateRandomIdAnswered()
    {
        if (_duplicateRandomIdIsError)
        {
            throw new TelegramPermanentException("RANDOM_ID_DUPLICATE", "RANDOM_ID_DUPLICATE: a message with this random_id was sent already");
        }
    }

    /// <summary>Called under the world's lock after a send was stored.</summary>
    internal void ThrowIfReplyLost(string sessionName)
    {
        if (Take(sessionName, SendFaultKind.LoseReply) is not null)
        {
            _world.Counters.Increment(CounterKind.RepliesLost);
            throw new TelegramTransientException("TIMEOUT", "TIMEOUT: no answer arrived for the call");
        }
    }

    private void Arm(PendingSendFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fault.Remaining);
        lock (_world.Gate)
        {
            _pending.Add(fault);
        }
    }

    private PendingSendFault? Take(string sessionName, SendFaultKind kind)
    {
        var fault = _pending.Find(f => f.Matches(kind, sessionName));
        if (fault is not null && --fault.Remaining == 0)
        {
            _pending.Remove(fault);
        }

        return fault;
    }

    // Telegram states waits in whole seconds and a client must not retry before the time is up.
    private static TimeSpan WholeSeconds(TimeSpan wait) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
}
