using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>Channels, groups and user inboxes by id and username; guarded by the world's lock.</summary>
internal sealed class ChatDirectory(long accessHashSalt)
{
    // Separate id ranges per kind, so a bare id names one peer, as in Telegram.
    private const long FirstChannelId = 1_000_000_001;
    private const long FirstGroupId = 400_000_001;

    private readonly Dictionary<long, ChatRoom> _byId = [];
    private readonly Dictionary<string, ChatRoom> _byUsername = new(StringComparer.OrdinalIgnoreCase);
    private long _nextChannelId = FirstChannelId;
    private long _nextGroupId = FirstGroupId;

    public ChatRoom CreateChannel(string username, string title)
    {
        if (_byUsername.ContainsKey(username))
        {
            throw new ArgumentException($"the username @{username} is taken", nameof(username));
        }

        var id = _nextChannelId++;
        var room = new ChatRoom(id, PeerKind.Channel, username, title, AccessHash.For(id, accessHashSalt));
        _byId.Add(id, room);
        _byUsername.Add(username, room);
        return room;
    }

    public ChatRoom CreateGroup(string title)
    {
        // Basic groups have no username and no access hash in Telegram; they are addressed by id alone.
        var id = _nextGroupId++;
        var room = new ChatRoom(id, PeerKind.Chat, null, title, 0);
        _byId.Add(id, room);
        return room;
    }

    public ChatRoom CreateInbox(UserAccount user)
    {
        if (user.Username is not null && _byUsername.ContainsKey(user.Username))
        {
            throw new ArgumentException($"the username @{user.Username} is taken", nameof(user));
        }

        var room = new ChatRoom(user.Id, PeerKind.User, user.Username, user.DisplayName, AccessHash.For(user.Id, accessHashSalt));
        _byId.Add(user.Id, room);
        if (user.Username is not null)
        {
            _byUsername.Add(user.Username, room);
        }

        return room;
    }

    public bool IsUsernameTaken(string username) => _byUsername.ContainsKey(username);

    public ChatRoom? ById(long id) => _byId.GetValueOrDefault(id);

    public ChatRoom? ByUsername(string username) => _byUsername.GetValueOrDefault(username);

    /// <summary>A peer handed in by a client: the id must exist and the access hash must be the one we gave out.</summary>
    public ChatRoom Require(TelegramPeer peer)
    {
        var room = _byId.GetValueOrDefault(peer.Id);
        if (room is null || room.Kind != peer.Kind)
        {
            throw new TelegramPermanentException("PEER_ID_INVALID", "PEER_ID_INVALID: the peer does not exist");
        }

        if (room.Kind != PeerKind.Chat && room.AccessHash != peer.AccessHash)
        {
            var code = room.Kind == PeerKind.Channel ? "CHANNEL_INVALID" : "PEER_ID_INVALID";
            throw new TelegramPermanentException(code, $"{code}: the access hash does not match the peer");
        }

        return room;
    }

    public ChatRoom RequireChannel(TelegramPeer peer)
    {
        var room = Require(peer);
        return room.Kind == PeerKind.Channel
            ? room
            : throw new TelegramPermanentException("CHANNEL_INVALID", "CHANNEL_INVALID: the peer is not a channel");
    }

    /// <summary>
    /// "@name", "name", a bare id, or a Bot API style id ("-100" + channel id, "-" + group id).
    /// Returns null when nothing matches.
    /// </summary>
    public ChatRoom? Resolve(string usernameOrId)
    {
        var text = usernameOrId.Trim();
        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number switch
            {
                > 0 => ById(number),
                < 0 when text.StartsWith("-100", StringComparison.Ordinal) && ById(-number - 1_000_000_000_000) is { Kind: PeerKind.Channel } channel => channel,
                < 0 when ById(-number) is { Kind: PeerKind.Chat } group => group,
                _ => null,
            };
        }

        var name = text.StartsWith('@') ? text[1..] : text;
        return name.Length == 0 ? null : ByUsername(name);
    }
}
