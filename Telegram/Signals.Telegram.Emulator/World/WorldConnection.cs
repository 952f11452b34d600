using System.Threading.Channels;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// The world's side of one client connection: what Telegram's server knows about a socket and its auth key.
/// Every front end reaches the world through this type (the in-process port now, an MTProto server later);
/// its methods are the Telegram API calls, answered in memory.
/// </summary>
public sealed class WorldConnection
{
    private readonly TelegramWorld _world;
    private readonly Channel<ChannelUpdate> _updates;
    private readonly Channel<WorldUpdate> _boxUpdates;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ConnectionFault? _closeReason;

    internal WorldConnection(TelegramWorld world, long id, string sessionName, AuthKeyState key, int updateCapacity, ConnectionFeed feed)
    {
        _world = world;
        Id = id;
        SessionName = sessionName;
        Key = key;
        Feed = feed;

        // Bounded so a reader that stopped reading cannot grow memory without end; a full queue closes the
        // connection (see ConnectionRegistry.Push) instead of dropping an update. Continuations stay asynchronous,
        // so the world's lock never runs a reader's code.
        _updates = Channel.CreateBounded<ChannelUpdate>(new BoundedChannelOptions(updateCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
            AllowSynchronousContinuations = false,
        });
        _boxUpdates = Channel.CreateBounded<WorldUpdate>(new BoundedChannelOptions(feed == ConnectionFeed.UpdateBoxes ? updateCapacity : 1)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
            AllowSynchronousContinuations = false,
        });
    }

    public ConnectionFeed Feed { get; }

    /// <summary>
    /// Update-box entries (joined channels and the account's common box), for a connection opened with
    /// <see cref="ConnectionFeed.UpdateBoxes"/>; completes like <see cref="Updates"/>.
    /// </summary>
    public ChannelReader<WorldUpdate> BoxUpdates => _boxUpdates.Reader;

    public long Id { get; }

    public string SessionName { get; internal set; }

    public long AuthKeyId => Key.Id;

    public bool IsOpen => _closeReason is null;

    /// <summary>
    /// Pushed updates of the channels this account joined. Completes when the connection closes: normally when its
    /// owner closed it, with the typed <see cref="TelegramException"/> when it was lost or revoked.
    /// </summary>
    public ChannelReader<ChannelUpdate> Updates => _updates.Reader;

    /// <summary>Completes (never faults) once the connection is closed, for whatever reason.</summary>
    public Task Closed => _closed.Task;

    /// <summary>The account this connection's auth key is logged in as, or null.</summary>
    public TelegramUser? Me
    {
        get
        {
            lock (_world.Gate)
            {
                return Key.IsDestroyed || Key.UserId is not { } id ? null : _world.Users.ById(id)?.ToTelegramUser();
            }
        }
    }

    internal AuthKeyState Key { get; }

    /// <summary>Judged by Telegram's rules of use (an MTProto connection, see ConnectionRegistry.Use), not at the open.</summary>
    internal bool JudgedByUse { get; init; }

    /// <summary>The client's MTProto session id, learned from the first message of a connection judged by use.</summary>
    internal long? ClientSessionId { get; set; }

    /// <summary>The registry's sequence number when the connection opened, and when it last carried a message (0: never).</summary>
    internal long OpenSeq { get; init; }

    internal long LastUseSeq { get; set; }

    /// <summary>Counted as one of its session's live connections (used, and not overtaken by a newer one).</summary>
    internal bool IsActive { get; set; }

    public LoginCodeSent SendCode(string phoneNumber)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Logins.SendCode(phoneNumber, _world.Now());
        }
    }

    public LoginOutcome SignIn(string phoneNumber, string phoneCodeHash, string code)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Logins.SignIn(Key, phoneNumber, phoneCodeHash, code, _world.Now());
        }
    }

    public LoginOutcome CheckPassword(string password)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Logins.CheckPassword(Key, password);
        }
    }

    /// <summary>
    /// checkPassword where <paramref name="matches"/> decides whether the client knew the stored password (an SRP
    /// front end checks its proof against a verifier it derived from it); counts and logs in like the plain overload.
    /// </summary>
    public LoginOutcome CheckPassword(Func<string, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Logins.CheckPassword(Key, matches);
        }
    }

    /// <summary>
    /// account.getPassword's view: the 2FA password and hint of the account this key's signIn waits on, or null.
    /// The world keeps passwords in plain text; an SRP front end derives a verifier from it as a real server stores.
    /// </summary>
    public PendingPassword? GetPendingPassword()
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Logins.PasswordPendingUser(Key) is { Password: { } password } user
                ? new PendingPassword(password, user.PasswordHint)
                : null;
        }
    }

    /// <summary>The DC that keeps the account with this phone (for PHONE_MIGRATE_X), or null when there is none.</summary>
    public int? HomeDcOf(string phoneNumber)
    {
        lock (_world.Gate)
        {
            return PhoneNumber.Normalize(phoneNumber) is { } phone ? _world.Users.ByPhone(phone)?.HomeDc : null;
        }
    }

    /// <summary>auth.exportAuthorization: a one-time token for logging this account in on another DC.</summary>
    public (long Id, byte[] Bytes) ExportAuthorization(int dcId)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Logins.Export(_world.Connections.RequireUser(this), dcId);
        }
    }

    /// <summary>auth.importAuthorization on DC <paramref name="dcId"/>: logs this key in with an exported token.</summary>
    public LoginOutcome ImportAuthorization(int dcId, long id, byte[] bytes)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Logins.Import(Key, dcId, id, bytes);
        }
    }

    public TelegramPeer ResolvePeer(string usernameOrId)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            _world.Connections.RequireUser(this);
            var room = _world.Chats.Resolve(usernameOrId);
            if (room is null)
            {
                var name = usernameOrId.Trim();
                throw long.TryParse(name, out _)
                    ? new TelegramNotFoundException("PEER_ID_INVALID", $"peer {name}")
                    : new TelegramNotFoundException("USERNAME_NOT_OCCUPIED", $"@{name.TrimStart('@')}");
            }

            _world.Counters.Increment(CounterKind.PeersResolved);
            return room.ToPeer();
        }
    }

    public void JoinChannel(TelegramPeer channel)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            var user = _world.Connections.RequireUser(this);
            _world.Chats.RequireChannel(channel).Members.Add(user.Id);
        }
    }

    /// <summary>
    /// A peer a client handed in (kind, id, access hash), checked as Telegram checks it: unknown ids are
    /// PEER_ID_INVALID, a wrong channel access hash CHANNEL_INVALID. Returns the full peer.
    /// </summary>
    public TelegramPeer CheckPeer(PeerKind kind, long id, long accessHash)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            _world.Connections.RequireUser(this);
            return _world.Chats.Require(new TelegramPeer(kind, id, accessHash, null, "")).ToPeer();
        }
    }

    /// <summary>A peer (user, group or channel) by id, with the access hash to address it, or null when unknown.</summary>
    public TelegramPeer? DescribePeer(long peerId)
    {
        lock (_world.Gate)
        {
            return _world.Chats.ById(peerId)?.ToPeer();
        }
    }

    /// <summary>True when this connection's account joined the channel.</summary>
    public bool HasJoined(TelegramPeer channel)
    {
        lock (_world.Gate)
        {
            return Key.UserId is { } userId && _world.Chats.ById(channel.Id) is { } room && room.Members.Contains(userId);
        }
    }

    /// <summary>messages.getHistory on a channel, group or private chat, with Telegram's paging (newest first).</summary>
    public HistoryPage GetHistoryPage(TelegramPeer peer, HistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_world.Gate)
        {
            ThrowIfClosed();
            var user = _world.Connections.RequireUser(this);
            var room = _world.Chats.Require(peer);
            var messages = room.HistoryPage(query, _world.Options.HistoryPageLimit).Select(m => m.ToWorldMessage(room)).ToList();
            return new HistoryPage(messages, room.Count, room.Kind == PeerKind.Channel ? room.Box.Pts : user.Box.Pts);
        }
    }

    /// <summary>channels.getMessages: the asked messages in order, null where one does not exist (any more).</summary>
    public IReadOnlyList<WorldMessage?> GetMessages(TelegramPeer channel, IReadOnlyList<int> messageIds)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            _world.Connections.RequireUser(this);
            var room = _world.Chats.RequireChannel(channel);
            return messageIds.Select(id => room.Find(id)?.ToWorldMessage(room)).ToList();
        }
    }

    /// <summary>A channel's pts and its newest existing message id.</summary>
    public (int Pts, int TopMessageId) GetChannelState(TelegramPeer channel)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            _world.Connections.RequireUser(this);
            var room = _world.Chats.RequireChannel(channel);
            return (room.Box.Pts, room.TopMessageId());
        }
    }

    /// <summary>The channel's events after <paramref name="afterPts"/>, oldest first, at most <paramref name="max"/>.</summary>
    public BoxEvents GetChannelEvents(TelegramPeer channel, int afterPts, int max)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            _world.Connections.RequireUser(this);
            var room = _world.Chats.RequireChannel(channel);
            return new BoxEvents(room.Box.After(afterPts, max).Select(ToUpdate).ToList(), room.Box.Pts);
        }
    }

    /// <summary>This account's common-box pts (private chats and groups).</summary>
    public int GetCommonPts()
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Connections.RequireUser(this).Box.Pts;
        }
    }

    /// <summary>This account's common-box events after <paramref name="afterPts"/>, oldest first, at most <paramref name="max"/>.</summary>
    public BoxEvents GetCommonEvents(int afterPts, int max)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            var box = _world.Connections.RequireUser(this).Box;
            return new BoxEvents(box.After(afterPts, max).Select(ToUpdate).ToList(), box.Pts);
        }
    }

    /// <summary>Posts after <paramref name="afterMessageId"/>, oldest first; one page is capped like Telegram's.</summary>
    public IReadOnlyList<ChannelPost> GetHistory(TelegramPeer channel, int afterMessageId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_world.Gate)
        {
            ThrowIfClosed();
            _world.Connections.RequireUser(this);
            var room = _world.Chats.RequireChannel(channel);
            return room.After(afterMessageId, Math.Min(limit, _world.Options.HistoryPageLimit))
                .Select(m => m.ToPost(room.Id))
                .ToList();
        }
    }

    /// <summary>The channel's newest existing post id (0 when empty), what getHistory with limit 1 answers.</summary>
    public int GetLatestMessageId(TelegramPeer channel)
    {
        lock (_world.Gate)
        {
            ThrowIfClosed();
            _world.Connections.RequireUser(this);
            return _world.Chats.RequireChannel(channel).TopMessageId();
        }
    }

    /// <summary>messages.sendMessage with text already converted from HTML; <paramref name="links"/> are text-link URLs.</summary>
    public async Task<SentMessage> SendMessageAsync(
        TelegramPeer destination,
        string text,
        IReadOnlyList<string> links,
        long randomId,
        CancellationToken cancellationToken) =>
        (await SendMessageAsync(destination, text, TextEntity.LinksOverWords(text, links), randomId, cancellationToken)).Sent;

    /// <summary>messages.sendMessage with Telegram's entities; the result carries the stored message and its pts.</summary>
    public async Task<WorldSendResult> SendMessageAsync(
        TelegramPeer destination,
        string text,
        IReadOnlyList<TextEntity> entities,
        long randomId,
        CancellationToken cancellationToken)
    {
        var hold = _world.Faults.EnterHold();
        if (hold is not null)
        {
            try
            {
                // A held send is "in flight": a disconnect meanwhile must fail it, like a lost socket would.
                await Task.WhenAny(hold, Closed).WaitAsync(cancellationToken);
            }
            finally
            {
                _world.Faults.LeaveHold();
            }
        }

        lock (_world.Gate)
        {
            ThrowIfClosed();
            return _world.Messages.Send(this, destination, text, entities, randomId);
        }
    }

    /// <summary>
    /// Records that the client sent a message on this connection. For connections opened with a client session id this
    /// is where AUTH_KEY_DUPLICATED is judged (two client sessions using one key at the same time). False when the key is
    /// now dead, so the front end answers as Telegram does to an unknown key.
    /// </summary>
    public bool Use(long clientSessionId)
    {
        lock (_world.Gate)
        {
            return !Key.IsDestroyed && IsOpen && _world.Connections.Use(this, clientSessionId);
        }
    }

    /// <summary>
    /// Names the connection after the session the client declared (initConnection's params), so per-session counters
    /// and faults find it under that name; idempotent.
    /// </summary>
    public void NameSession(string sessionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        lock (_world.Gate)
        {
            _world.Connections.Rename(this, sessionName);
        }
    }

    /// <summary>Closes the connection as its owner would; idempotent.</summary>
    public void Close()
    {
        lock (_world.Gate)
        {
            _world.Connections.Close(this, ConnectionFault.ClosedByOwner);
        }
    }

    internal bool TryPush(ChannelUpdate update) => _updates.Writer.TryWrite(update);

    internal bool TryPush(WorldUpdate update) => _boxUpdates.Writer.TryWrite(update);

    /// <summary>Records why the connection closed and wakes everyone waiting on it. False if it was closed already.</summary>
    internal bool MarkClosed(ConnectionFault reason)
    {
        if (_closeReason is not null)
        {
            return false;
        }

        _closeReason = reason;
        _updates.Writer.TryComplete(ReferenceEquals(reason, ConnectionFault.ClosedByOwner) ? null : reason.ToException());
        _boxUpdates.Writer.TryComplete(ReferenceEquals(reason, ConnectionFault.ClosedByOwner) ? null : reason.ToException());
        _closed.TrySetResult();
        return true;
    }

    private static WorldUpdate ToUpdate(PtsEvent entry)
    {
        // Differences carry messages as they are now; one deleted since carries none.
        var message = entry.Kind == WorldUpdateKind.DeleteMessages ? null : entry.Room.Find(entry.MessageId)?.ToWorldMessage(entry.Room);
        return new WorldUpdate(entry.Kind, entry.Room.Id, entry.Room.Kind, entry.Pts, entry.PtsCount, message, entry.DeletedIds);
    }

    internal void ThrowIfClosed()
    {
        if (_closeReason is { } reason)
        {
            throw reason.ToException();
        }
    }
}
