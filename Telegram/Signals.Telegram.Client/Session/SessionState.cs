using Signals.Telegram.Model;

namespace Signals.Telegram.Client.Session;

/// <summary>
/// Everything a session must remember between connections: home DC, keys per DC, the logged-in user, known peers
/// and the update state. Thread-safe; every change raises <see cref="Changed"/> so the owner can save the blob
/// (see <see cref="SessionStateCodec"/>). Peers are kept without a bound: a session follows tens to hundreds of
/// channels, not millions.
/// </summary>
internal sealed class SessionState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, DcAuthorization> _keys = [];
    private readonly Dictionary<long, TelegramPeer> _peers = [];
    private readonly Dictionary<string, long> _usernames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, ChannelUpdateState> _channels = [];
    private int _homeDcId;
    private TelegramUser? _user;
    private CommonUpdateState? _common;

    public SessionState(int homeDcId)
    {
        _homeDcId = homeDcId;
    }

    /// <summary>Raised after every change, outside the lock.</summary>
    public event Action? Changed;

    public int HomeDcId
    {
        get
        {
            lock (_gate)
            {
                return _homeDcId;
            }
        }
    }

    public TelegramUser? User
    {
        get
        {
            lock (_gate)
            {
                return _user;
            }
        }
    }

    public CommonUpdateState? Common
    {
        get
        {
            lock (_gate)
            {
                return _common;
            }
        }
    }

    public void SetHomeDc(int dcId) => Change(() => _homeDcId = dcId);

    public void SetUser(TelegramUser? user) => Change(() => _user = user);

    public void SetCommon(CommonUpdateState state) => Change(() => _common = state);

    public DcAuthorization? Key(int dcId)
    {
        lock (_gate)
        {
            return _keys.GetValueOrDefault(dcId);
        }
    }

    public IReadOnlyList<DcAuthorization> Keys()
    {
        lock (_gate)
        {
            return [.. _keys.Values.OrderBy(key => key.DcId)];
        }
    }

    /// <summary>Stores a DC's key (salt and offset change often; a save is only requested when something differs).</summary>
    public void SetKey(DcAuthorization key)
    {
        lock (_gate)
        {
            if (_keys.TryGetValue(key.DcId, out var known)
                && known.Salt == key.Salt
                && known.TimeOffsetSeconds == key.TimeOffsetSeconds
                && known.Authorized == key.Authorized
                && known.AuthKey.AsSpan().SequenceEqual(key.AuthKey))
            {
                return;
            }

            _keys[key.DcId] = key;
        }

        Changed?.Invoke();
    }

    public void RemoveKey(int dcId) => Change(() => _keys.Remove(dcId));

    public void MarkAuthorized(int dcId) => Change(() =>
    {
        if (_keys.TryGetValue(dcId, out var key))
        {
            _keys[dcId] = key with { Authorized = true };
        }
    });

    /// <summary>The login is gone: forget the user and the update state that belonged to it; keys stay (they are still valid keys).</summary>
    public void ForgetLogin() => Change(() =>
    {
        _user = null;
        _common = null;
        _channels.Clear();
        foreach (var (dc, key) in _keys.ToList())
        {
            _keys[dc] = key with { Authorized = false };
        }
    });

    public TelegramPeer? Peer(long id)
    {
        lock (_gate)
        {
            return _peers.GetValueOrDefault(id);
        }
    }

    public TelegramPeer? PeerByUsername(string username)
    {
        lock (_gate)
        {
            return _usernames.TryGetValue(username, out var id) ? _peers.GetValueOrDefault(id) : null;
        }
    }

    public IReadOnlyList<TelegramPeer> Peers()
    {
        lock (_gate)
        {
            return [.. _peers.Values.OrderBy(peer => peer.Id)];
        }
    }

    /// <summary>Remembers a peer; a peer seen without an access hash (a "min" constructor) never overwrites a known hash.</summary>
    public void RememberPeer(TelegramPeer peer)
    {
        lock (_gate)
        {
            if (_peers.TryGetValue(peer.Id, out var known))
            {
                if (peer.AccessHash == 0 && known.AccessHash != 0)
                {
                    peer = peer with { AccessHash = known.AccessHash };
                }

                if (known == peer)
                {
                    return;
                }

                if (known.Username is { } old)
                {
                    _usernames.Remove(old);
                }
            }

            _peers[peer.Id] = peer;
            if (peer.Username is { Length: > 0 } username)
            {
                _usernames[username] = peer.Id;
            }
        }

        Changed?.Invoke();
    }

    public ChannelUpdateState? Channel(long channelId)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var state) ? state : null;
        }
    }

    public IReadOnlyDictionary<long, ChannelUpdateState> Channels()
    {
        lock (_gate)
        {
            return new Dictionary<long, ChannelUpdateState>(_channels);
        }
    }

    public void SetChannel(long channelId, ChannelUpdateState state)
    {
        lock (_gate)
        {
            if (_channels.TryGetValue(channelId, out var known) && known == state)
            {
                return;
            }

            _channels[channelId] = state;
        }

        Changed?.Invoke();
    }

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
        }

        Changed?.Invoke();
    }
}
