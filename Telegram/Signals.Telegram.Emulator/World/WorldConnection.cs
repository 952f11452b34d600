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
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ConnectionFault? _closeReason;

    internal WorldConnection(TelegramWorld world, long id, string sessionName, AuthKeyState key, int updateCapacity)
    {
        _world = world;
        Id = id;
        SessionName = sessionName;
        Key = key;

        // Bounded so a reader that stopped reading cannot grow memory without end; a full queue closes the
        // connection (see ConnectionRegistry.Push) instead of dropping an update. Continuations stay asynchronous,
        // so the world's lock never runs a reader's code.
        _updates = Channel.CreateBounded<ChannelUpdate>(new BoundedChannelOptions(updateCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
            AllowSynchronousContinuations = false,
        });
    }

    public long Id { get; }

    public string SessionName { get; }

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
            return _world.Messages.Send(this, destination, text, links, randomId);
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

    /// <summary>Records why the connection closed and wakes everyone waiting on it. False if it was closed already.</summary>
    internal bool MarkClosed(ConnectionFault reason)
    {
        if (_closeReason is not null)
        {
            return false;
        }

        _closeReason = reason;
        _updates.Writer.TryComplete(ReferenceEquals(reason, ConnectionFault.ClosedByOwner) ? null : reason.ToException());
        _closed.TrySetResult();
        return true;
    }

    internal void ThrowIfClosed()
    {
        if (_closeReason is { } reason)
        {
            throw reason.ToException();
        }
    }
}
