using System.Threading.Channels;
using Signals.Telegram.Model;

namespace Signals.Telegram.Port;

/// <summary>
/// One live connection of one session. Only the session's owner (its grain) ever holds one.
/// Every method throws a <see cref="Errors.TelegramException"/> subtype on failure; messages never carry secrets.
/// </summary>
public interface ITelegramConnection : IAsyncDisposable
{
    string SessionName { get; }

    /// <summary>The logged-in account, or null while the session still needs a login.</summary>
    TelegramUser? Me { get; }

    /// <summary>False once the connection was lost or closed; the owner then reconnects from its blob.</summary>
    bool IsOpen { get; }

    /// <summary>Pushed channel updates (new, edited, deleted posts), in the order Telegram sent them.</summary>
    ChannelReader<ChannelUpdate> Updates { get; }

    Task<LoginCodeSent> SendCodeAsync(string phoneNumber, CancellationToken cancellationToken);

    Task<LoginOutcome> SignInAsync(string phoneNumber, string phoneCodeHash, string code, CancellationToken cancellationToken);

    /// <summary>Second step when <see cref="SignInAsync"/> answered <see cref="LoginStatus.PasswordNeeded"/>.</summary>
    Task<LoginOutcome> CheckPasswordAsync(string password, CancellationToken cancellationToken);

    /// <summary>Resolves a public username (with or without '@') or a numeric id to a peer with its access hash.</summary>
    Task<TelegramPeer> ResolvePeerAsync(string usernameOrId, CancellationToken cancellationToken);

    Task JoinChannelAsync(TelegramPeer channel, CancellationToken cancellationToken);

    /// <summary>Posts of a channel with ids greater than <paramref name="afterMessageId"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ChannelPost>> GetHistoryAsync(TelegramPeer channel, int afterMessageId, int limit, CancellationToken cancellationToken);

    /// <summary>The id of the channel's newest post (0 for an empty channel), so a reader can start "from now".</summary>
    Task<int> GetLatestMessageIdAsync(TelegramPeer channel, CancellationToken cancellationToken);

    /// <summary>
    /// Sends HTML text. A repeat of <paramref name="randomId"/> toward the same peer returns the earlier message
    /// instead of sending again, so a resend after an unknown outcome is safe.
    /// </summary>
    Task<SentMessage> SendMessageAsync(TelegramPeer destination, string html, long randomId, CancellationToken cancellationToken);
}
