using System.Diagnostics.CodeAnalysis;
using Signals.Telegram.Emulator.Faults;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// An in-memory Telegram: accounts, login codes, channels with posts, what every chat received, auth keys and
/// live connections, fault injection and counters. It knows nothing of how clients reach it; a front end opens a
/// <see cref="WorldConnection"/> per client connection and calls the Telegram API on it. This type is the
/// administrator's side: set the world up, post, look inside. Thread-safe: one lock guards all state.
/// </summary>
public sealed class TelegramWorld
{
    public TelegramWorld(WorldOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new WorldOptions();
        Time = time ?? TimeProvider.System;
        Counters = new WorldCounters();
        Users = new UserDirectory();
        Chats = new ChatDirectory(Options.AccessHashSalt);
        Logins = new LoginDesk(Users, Options, Counters, Options.Seed is { } seed ? new Random(seed) : Random.Shared);
        Connections = new ConnectionRegistry(this);
        Messages = new MessageDesk(this);
        Faults = new WorldFaults(this);
    }

    public WorldOptions Options { get; }

    public TimeProvider Time { get; }

    public WorldCounters Counters { get; }

    public WorldFaults Faults { get; }

    /// <summary>Connections live right now, across all sessions.</summary>
    public int TotalLiveConnections
    {
        get
        {
            lock (Gate)
            {
                return Connections.LiveCount;
            }
        }
    }

    internal Lock Gate { get; } = new();

    internal UserDirectory Users { get; }

    internal ChatDirectory Chats { get; }

    internal LoginDesk Logins { get; }

    internal ConnectionRegistry Connections { get; }

    internal MessageDesk Messages { get; }

    // ---- Accounts ----

    /// <summary>Adds an account; <paramref name="homeDc"/> is the DC that keeps it (Telegram's default for new accounts here: 2).</summary>
    public WorldUser AddUser(string phone, string displayName, string? username = null, string? password = null, string? passwordHint = null, int homeDc = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(homeDc);
        var normalized = PhoneNumber.Normalize(phone) ?? throw new ArgumentException("not a phone number", nameof(phone));
        lock (Gate)
        {
            if (username is not null && Chats.IsUsernameTaken(username))
            {
                throw new ArgumentException($"the username @{username} is taken", nameof(username));
            }

            var user = Users.Add(normalized, displayName, username, password, passwordHint, homeDc);
            Chats.CreateInbox(user);
            return user.ToWorldUser();
        }
    }

    public WorldUser? FindUser(string phone)
    {
        lock (Gate)
        {
            return PhoneNumber.Normalize(phone) is { } normalized ? Users.ByPhone(normalized)?.ToWorldUser() : null;
        }
    }

    /// <summary>A banned account cannot log in, and its logged-in sessions get USER_DEACTIVATED_BAN.</summary>
    public void SetBanned(string phone, bool banned)
    {
        lock (Gate)
        {
            RequireUser(phone).IsBanned = banned;
        }
    }

    /// <summary>The last login code issued for a phone (valid or not), for tests and the demo; null if none.</summary>
    public string? PeekLoginCode(string phone)
    {
        lock (Gate)
        {
            return Logins.PeekCode(phone);
        }
    }

    // ---- Channels and groups ----

    public WorldChat CreateChannel(string username, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        lock (Gate)
        {
            return Chats.CreateChannel(username.TrimStart('@'), title).ToWorldChat();
        }
    }

    public WorldChat CreateGroup(string title)
    {
        lock (Gate)
        {
            return Chats.CreateGroup(title).ToWorldChat();
        }
    }

    /// <summary>Looks a channel, group or user up by "@name", "name", bare id or Bot API id.</summary>
    public WorldChat? FindChat(string usernameOrId)
    {
        lock (Gate)
        {
            return Chats.Resolve(usernameOrId) is { Kind: not PeerKind.User } room ? room.ToWorldChat() : null;
        }
    }

    /// <summary>Makes a user a member (a joined channel pushes its updates to the user's sessions).</summary>
    public void AddMember(long chatId, long userId)
    {
        lock (Gate)
        {
            RequireChat(chatId).Members.Add(RequireUser(userId).Id);
        }
    }

    /// <summary>Lets a user write: a channel's admin, a group's member.</summary>
    public void AllowToWrite(long chatId, long userId)
    {
        lock (Gate)
        {
            var room = RequireChat(chatId);
            var user = RequireUser(userId);
            room.Members.Add(user.Id);
            room.Writers.Add(user.Id);
        }
    }

    public bool IsMember(long chatId, long userId)
    {
        lock (Gate)
        {
            return RequireChat(chatId).Members.Contains(userId);
        }
    }

    // ---- Posts ----

    /// <summary>Publishes a channel post as its admin; <paramref name="links"/> are hidden text-link URLs.</summary>
    public ChannelPost Post(long channelId, string text, IReadOnlyList<string>? links = null)
    {
        lock (Gate)
        {
            return Messages.Post(RequireChannel(channelId), text, TextEntity.LinksOverWords(text, links ?? []));
        }
    }

    /// <summary>Publishes a channel post with explicit message entities (text links, bold, code, ...).</summary>
    public ChannelPost Post(long channelId, string text, IReadOnlyList<TextEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        lock (Gate)
        {
            return Messages.Post(RequireChannel(channelId), text, entities);
        }
    }

    public ChannelPost Edit(long channelId, int messageId, string text, IReadOnlyList<string>? links = null)
    {
        lock (Gate)
        {
            return Messages.Edit(RequireChannel(channelId), messageId, text, TextEntity.LinksOverWords(text, links ?? []));
        }
    }

    public ChannelPost Edit(long channelId, int messageId, string text, IReadOnlyList<TextEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        lock (Gate)
        {
            return Messages.Edit(RequireChannel(channelId), messageId, text, entities);
        }
    }

    /// <summary>A message as stored (entities included), or null when it does not exist or was deleted.</summary>
    public WorldMessage? FindMessage(long peerId, int messageId)
    {
        lock (Gate)
        {
            return Chats.ById(peerId) is { } room ? room.Find(messageId)?.ToWorldMessage(room) : null;
        }
    }

    /// <summary>A channel's pts: how many pts its events took so far.</summary>
    public int ChannelPts(long channelId)
    {
        lock (Gate)
        {
            return RequireChannel(channelId).Box.Pts;
        }
    }

    /// <summary>An account's common-box pts.</summary>
    public int CommonPts(long userId)
    {
        lock (Gate)
        {
            return RequireUser(userId).Box.Pts;
        }
    }

    /// <summary>Deletes posts; returns the ids that existed and are now gone.</summary>
    public IReadOnlyList<int> Delete(long channelId, params int[] messageIds)
    {
        lock (Gate)
        {
            return Messages.Delete(RequireChannel(channelId), messageIds);
        }
    }

    /// <summary>A channel's posts that are not deleted, oldest first.</summary>
    public IReadOnlyList<ChannelPost> Posts(long channelId)
    {
        lock (Gate)
        {
            var room = RequireChannel(channelId);
            return room.After(0, int.MaxValue).Select(m => m.ToPost(room.Id)).ToList();
        }
    }

    /// <summary>Every message a chat (or a user, for direct messages) holds, oldest first, deleted ones excluded.</summary>
    public IReadOnlyList<ReceivedMessage> MessagesIn(long peerId)
    {
        lock (Gate)
        {
            var room = Chats.ById(peerId) ?? throw new ArgumentException($"no peer has the id {peerId}", nameof(peerId));
            return room.After(0, int.MaxValue).Select(m => m.ToReceived(room.Id)).ToList();
        }
    }

    // ---- Auth keys and connections (for front ends) ----

    /// <summary>Registers a 256-byte auth key (what a DH key exchange produces) and returns its id.</summary>
    public long RegisterAuthKey(byte[] authKey)
    {
        lock (Gate)
        {
            return Connections.Register(authKey);
        }
    }

    /// <summary>True when the key is known and not destroyed; a front end makes a new key otherwise.</summary>
    public bool IsAuthKeyUsable(long authKeyId)
    {
        lock (Gate)
        {
            return Connections.Find(authKeyId) is { IsDestroyed: false };
        }
    }

    /// <summary>The key bytes for an id, for a front end that has to decrypt with them.</summary>
    public bool TryGetAuthKey(long authKeyId, [NotNullWhen(true)] out byte[]? authKey)
    {
        lock (Gate)
        {
            authKey = Connections.Find(authKeyId) is { IsDestroyed: false } key ? (byte[])key.Key.Clone() : null;
            return authKey is not null;
        }
    }

    /// <summary>
    /// The live (not destroyed) auth keys last used under a session name, for tests that look for key material where it
    /// must never appear (logs, traces, outputs).
    /// </summary>
    public IReadOnlyList<byte[]> AuthKeysOf(string sessionName)
    {
        lock (Gate)
        {
            return Connections.KeysOf(sessionName).Select(k => (byte[])k.Key.Clone()).ToList();
        }
    }

    /// <summary>Logs an auth key in as an account without a code, for sessions that start out logged in.</summary>
    public void AuthorizeAuthKey(long authKeyId, string phone)
    {
        lock (Gate)
        {
            var key = Connections.Find(authKeyId);
            if (key is null || key.IsDestroyed)
            {
                throw new ArgumentException("unknown or destroyed auth key", nameof(authKeyId));
            }

            Logins.AuthorizeDirectly(key, RequireUser(phone));
        }
    }

    /// <summary>
    /// Opens a connection on an auth key. Opening a second live connection on one key counts an
    /// AUTH_KEY_DUPLICATED and (by default) destroys the key for both.
    /// </summary>
    public WorldConnection OpenConnection(string sessionName, long authKeyId) =>
        OpenConnection(sessionName, authKeyId, ConnectionFeed.ChannelUpdates);

    /// <summary>Opens a connection that reads the given feed of pushed updates.</summary>
    public WorldConnection OpenConnection(string sessionName, long authKeyId, ConnectionFeed feed) =>
        OpenConnection(sessionName, authKeyId, feed, judgedByUse: false);

    /// <summary>
    /// Opens a connection. <paramref name="judgedByUse"/>: an MTProto front end's connection, where duplicate use of the
    /// key is judged by <see cref="WorldConnection.Use"/> as messages arrive rather than by the open (see ConnectionRegistry).
    /// </summary>
    public WorldConnection OpenConnection(string sessionName, long authKeyId, ConnectionFeed feed, bool judgedByUse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        lock (Gate)
        {
            return Connections.Open(sessionName, authKeyId, feed, judgedByUse);
        }
    }

    public int LiveConnections(string sessionName)
    {
        lock (Gate)
        {
            return Connections.LiveConnections(sessionName);
        }
    }

    /// <summary>The most connections a session name ever had live at once.</summary>
    public int MaxConcurrentConnections(string sessionName)
    {
        lock (Gate)
        {
            return Connections.MaxConcurrentConnections(sessionName);
        }
    }

    /// <summary>Now, in whole seconds: Telegram dates are Unix seconds.</summary>
    internal DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(Time.GetUtcNow().ToUnixTimeSeconds());

    private UserAccount RequireUser(string phone) =>
        (PhoneNumber.Normalize(phone) is { } normalized ? Users.ByPhone(normalized) : null)
        ?? throw new ArgumentException("no account has this phone number", nameof(phone));

    private UserAccount RequireUser(long userId) =>
        Users.ById(userId) ?? throw new ArgumentException($"no account has the id {userId}", nameof(userId));

    private ChatRoom RequireChat(long chatId) =>
        Chats.ById(chatId) is { Kind: not PeerKind.User } room ? room : throw new ArgumentException($"no chat has the id {chatId}", nameof(chatId));

    private ChatRoom RequireChannel(long channelId) =>
        Chats.ById(channelId) is { Kind: PeerKind.Channel } room ? room : throw new ArgumentException($"no channel has the id {channelId}", nameof(channelId));
}
