using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// Auth keys, live connections and the one-connection-per-key rule; guarded by the world's lock.
/// Connections are closed here but signalled by <see cref="WorldConnection.MarkClosed"/>, whose wake-ups run
/// asynchronously, so nothing outside the world ever runs while the lock is held.
/// </summary>
internal sealed class ConnectionRegistry(TelegramWorld world)
{
    private readonly Dictionary<long, AuthKeyState> _keys = [];
    private readonly Dictionary<string, SessionStats> _sessions = new(StringComparer.Ordinal);
    private readonly List<WorldConnection> _live = [];
    private long _nextConnectionId = 1;
    private long _sequence;

    public int LiveCount => _live.Count;

    public long Register(byte[] authKey)
    {
        var id = AuthKeyId.Of(authKey);
        if (_keys.TryGetValue(id, out var existing))
        {
            if (existing.IsDestroyed || !existing.Key.AsSpan().SequenceEqual(authKey))
            {
                throw new InvalidOperationException("this auth key was destroyed or collides with another; make a new one");
            }

            return id;
        }

        _keys.Add(id, new AuthKeyState(id, (byte[])authKey.Clone()));
        return id;
    }

    public AuthKeyState? Find(long authKeyId) => _keys.GetValueOrDefault(authKeyId);

    public WorldConnection Open(string sessionName, long authKeyId, ConnectionFeed feed, bool judgedByUse = false)
    {
        var key = _keys.GetValueOrDefault(authKeyId);
        if (key is null || key.IsDestroyed)
        {
            throw new TelegramUnauthorizedException("AUTH_KEY_UNREGISTERED");
        }

        if (judgedByUse)
        {
            return OpenJudgedByUse(sessionName, key, feed);
        }

        var connection = new WorldConnection(world, _nextConnectionId++, sessionName, key, world.Options.UpdateQueueCapacity, feed);
        key.SessionName = sessionName;
        key.Live.Add(connection);
        key.MaxLive = Math.Max(key.MaxLive, key.Live.Count);
        var session = Session(sessionName);
        session.Live++;
        session.MaxLive = Math.Max(session.MaxLive, session.Live);
        _live.Add(connection);
        world.Counters.Increment(CounterKind.ConnectionsOpened);
        if (session.Live > 1)
        {
            world.Counters.Increment(CounterKind.SessionOverlaps);
        }

        if (key.Live.Count > 1)
        {
            world.Counters.Increment(CounterKind.AuthKeyDuplicated);
            if (world.Options.RevokeAuthKeyOnDuplicate)
            {
                // Telegram kills the key for every holder, the newcomer included.
                Destroy(key, ConnectionFault.Duplicated);
                throw ConnectionFault.Duplicated.ToException();
            }
        }

        return connection;
    }

    public void Close(WorldConnection connection, ConnectionFault fault)
    {
        if (!connection.MarkClosed(fault))
        {
            return;
        }

        connection.Key.Live.Remove(connection);
        var session = Session(connection.SessionName);
        if (!connection.JudgedByUse)
        {
            session.Live--;
        }
        else if (session.Active.Remove(connection))
        {
            session.Live = session.Active.Count;
        }

        _live.Remove(connection);
        world.Counters.Increment(CounterKind.ConnectionsClosed);
    }

    /// <summary>
    /// An MTProto connection. Telegram lets one client keep several connections on a key and reconnect at will; what it
    /// punishes is two clients (two MTProto sessions) using one key at the same time. So nothing is judged at the open:
    /// <see cref="Use"/> learns the client session from the first message and judges every message.
    /// </summary>
    private WorldConnection OpenJudgedByUse(string sessionName, AuthKeyState key, ConnectionFeed feed)
    {
        var connection = new WorldConnection(world, _nextConnectionId++, sessionName, key, world.Options.UpdateQueueCapacity, feed)
        {
            JudgedByUse = true,
            OpenSeq = ++_sequence,
        };
        key.SessionName = sessionName;
        key.Live.Add(connection);
        key.MaxLive = Math.Max(key.MaxLive, key.Live.Count);
        _live.Add(connection);
        world.Counters.Increment(CounterKind.ConnectionsOpened);
        return connection;
    }

    /// <summary>
    /// A message arrived on <paramref name="connection"/>. Two connections of different client sessions that both carry
    /// messages while both are open are a duplicate use of the key (AUTH_KEY_DUPLICATED), however long the older one was
    /// silent before: a paused process that wakes up and sends on its old connection after another took over is exactly
    /// the case. A silent older connection is only overtaken, and stops counting as live for its session.
    /// </summary>
    public bool Use(WorldConnection connection, long clientSessionId)
    {
        if (!connection.JudgedByUse)
        {
            return true;
        }

        var key = connection.Key;
        if (connection.ClientSessionId is null)
        {
            // The same client session on a new connection: it moved (a reconnect), the old socket just has not closed yet.
            connection.ClientSessionId = clientSessionId;
            foreach (var previous in key.Live.Where(c => c != connection && c.ClientSessionId == clientSessionId).ToList())
            {
                Close(previous, ConnectionFault.Lost);
            }
        }

        var sequence = ++_sequence;
        var duplicated = key.Live.Any(other =>
            other != connection && other.ClientSessionId != connection.ClientSessionId && other.LastUseSeq > connection.OpenSeq);
        connection.LastUseSeq = sequence;
        Activate(connection);
        if (!duplicated)
        {
            return true;
        }

        world.Counters.Increment(CounterKind.AuthKeyDuplicated);
        if (world.Options.RevokeAuthKeyOnDuplicate)
        {
            Destroy(key, ConnectionFault.Duplicated);
            return false;
        }

        return true;
    }

    /// <summary>Moves a connection to the session its client declared.</summary>
    public void Rename(WorldConnection connection, string sessionName)
    {
        if (connection.SessionName == sessionName || !connection.IsOpen)
        {
            return;
        }

        var old = Session(connection.SessionName);
        if (!connection.JudgedByUse)
        {
            old.Live--;
            connection.SessionName = sessionName;
            var renamed = Session(sessionName);
            renamed.Live++;
            renamed.MaxLive = Math.Max(renamed.MaxLive, renamed.Live);
            if (renamed.Live > 1)
            {
                world.Counters.Increment(CounterKind.SessionOverlaps);
            }
        }
        else
        {
            var wasActive = old.Active.Remove(connection);
            old.Live = old.Active.Count;
            connection.SessionName = sessionName;
            if (wasActive)
            {
                Activate(connection);
            }
        }

        connection.Key.SessionName = sessionName;
    }

    /// <summary>
    /// Counts a used connection as live for its session. Older connections of the session that have been silent since
    /// this one opened are overtaken (a client that moved on); one that was used meanwhile is a real overlap.
    /// </summary>
    private void Activate(WorldConnection connection)
    {
        var session = Session(connection.SessionName);
        if (session.Active.Contains(connection))
        {
            return;
        }

        foreach (var other in session.Active.ToList())
        {
            if (other.LastUseSeq > connection.OpenSeq || connection.OpenSeq < other.OpenSeq)
            {
                world.Counters.Increment(CounterKind.SessionOverlaps);
            }
            else
            {
                session.Active.Remove(other);
            }
        }

        session.Active.Add(connection);
        session.Live = session.Active.Count;
        session.MaxLive = Math.Max(session.MaxLive, session.Live);
    }

    public void Destroy(AuthKeyState key, ConnectionFault fault)
    {
        key.IsDestroyed = true;
        key.UserId = null;
        key.PasswordPendingUserId = null;
        foreach (var connection in key.Live.ToArray())
        {
            Close(connection, fault);
        }
    }

    public List<WorldConnection> LiveOf(string sessionName) =>
        _live.Where(c => c.SessionName == sessionName).ToList();

    public List<AuthKeyState> KeysOf(string sessionName) =>
        _keys.Values.Where(k => !k.IsDestroyed && k.SessionName == sessionName).ToList();

    public int LiveConnections(string sessionName) => _sessions.GetValueOrDefault(sessionName)?.Live ?? 0;

    public int MaxConcurrentConnections(string sessionName) => _sessions.GetValueOrDefault(sessionName)?.MaxLive ?? 0;

    /// <summary>The account a connection acts as; throws what Telegram answers when there is none.</summary>
    public UserAccount RequireUser(WorldConnection connection)
    {
        var key = connection.Key;
        var user = key.IsDestroyed || key.UserId is not { } userId ? null : world.Users.ById(userId);
        if (user is null)
        {
            throw new TelegramUnauthorizedException("AUTH_KEY_UNREGISTERED");
        }

        return user.IsBanned ? throw new TelegramUnauthorizedException("USER_DEACTIVATED_BAN") : user;
    }

    /// <summary>
    /// Pushes a channel event to every live, logged-in connection whose account joined the channel: the port's
    /// view to in-process connections, the update-box entry to protocol front ends.
    /// </summary>
    public void PushToMembers(ChatRoom channel, ChannelUpdate classic, WorldUpdate update, WorldConnection? origin) =>
        Push(userId => channel.Members.Contains(userId), classic, update, origin);

    /// <summary>Pushes a common-box event to the live connections of one account (front ends only).</summary>
    public void PushToUser(long userId, WorldUpdate update, WorldConnection? origin) => Push(id => id == userId, null, update, origin);

    /// <summary>
    /// The connection a send came from gets its update-box entry in the send's answer, not as a push (Telegram
    /// does not echo a session's own message back to it); in-process connections still get the port's update.
    /// </summary>
    private void Push(Func<long, bool> wants, ChannelUpdate? classic, WorldUpdate update, WorldConnection? origin)
    {
        List<WorldConnection>? overflowing = null;
        foreach (var connection in _live)
        {
            var key = connection.Key;
            if (key.IsDestroyed || key.UserId is not { } userId || !wants(userId)
                || (ReferenceEquals(connection, origin) && connection.Feed == ConnectionFeed.UpdateBoxes))
            {
                continue;
            }

            bool? pushed = connection.Feed == ConnectionFeed.UpdateBoxes
                ? connection.TryPush(update)
                : classic is null ? null : connection.TryPush(classic);
            if (pushed == true)
            {
                world.Counters.Increment(CounterKind.UpdatesPushed);
            }
            else if (pushed == false)
            {
                (overflowing ??= []).Add(connection);
            }
        }

        // A full queue is never skipped silently: the connection closes and its owner catches up from history.
        foreach (var connection in overflowing ?? [])
        {
            world.Counters.Increment(CounterKind.UpdateQueueOverflows);
            Close(connection, ConnectionFault.UpdatesTooLong);
        }
    }

    private SessionStats Session(string sessionName)
    {
        if (!_sessions.TryGetValue(sessionName, out var stats))
        {
            stats = new SessionStats();
            _sessions.Add(sessionName, stats);
        }

        return stats;
    }
}
