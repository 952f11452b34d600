using System.Threading.Channels;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Model;
using Signals.Telegram.Port;

namespace Signals.Telegram.Emulator.InProcess;

/// <summary>
/// The port's connection, answered by the in-memory world without a wire in between. Errors are the world's
/// typed <see cref="Errors.TelegramException"/>s; <see cref="Updates"/> completes when the connection closes
/// (with the typed error when it was lost or revoked).
/// </summary>
public sealed class EmulatorTelegramConnection : ITelegramConnection
{
    private readonly WorldConnection _connection;
    private readonly Action<EmulatorTelegramConnection> _onDisposed;

    internal EmulatorTelegramConnection(WorldConnection connection, Action<EmulatorTelegramConnection> onDisposed)
    {
        _connection = connection;
        _onDisposed = onDisposed;
    }

    public string SessionName => _connection.SessionName;

    public TelegramUser? Me => _connection.Me;

    public bool IsOpen => _connection.IsOpen;

    public ChannelReader<ChannelUpdate> Updates => _connection.Updates;

    /// <summary>The auth key this connection uses, for tests that follow a key through revocation.</summary>
    public long AuthKeyId => _connection.AuthKeyId;

    internal WorldConnection WorldConnection => _connection;

    public Task<LoginCodeSent> SendCodeAsync(string phoneNumber, CancellationToken cancellationToken) =>
        Call(() => _connection.SendCode(phoneNumber), cancellationToken);

    public Task<LoginOutcome> SignInAsync(string phoneNumber, string phoneCodeHash, string code, CancellationToken cancellationToken) =>
        Call(() => _connection.SignIn(phoneNumber, phoneCodeHash, code), cancellationToken);

    public Task<LoginOutcome> CheckPasswordAsync(string password, CancellationToken cancellationToken) =>
        Call(() => _connection.CheckPassword(password), cancellationToken);

    public Task<TelegramPeer> ResolvePeerAsync(string usernameOrId, CancellationToken cancellationToken) =>
        Call(() => _connection.ResolvePeer(usernameOrId), cancellationToken);

    public Task JoinChannelAsync(TelegramPeer channel, CancellationToken cancellationToken) =>
        Call(() =>
        {
            _connection.JoinChannel(channel);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<ChannelPost>> GetHistoryAsync(TelegramPeer channel, int afterMessageId, int limit, CancellationToken cancellationToken) =>
        Call(() => ReadHistory(channel, afterMessageId, limit), cancellationToken);

    public Task<int> GetLatestMessageIdAsync(TelegramPeer channel, CancellationToken cancellationToken) =>
        Call(() => _connection.GetLatestMessageId(channel), cancellationToken);

    public Task<SentMessage> SendMessageAsync(TelegramPeer destination, string html, long randomId, CancellationToken cancellationToken)
    {
        var (text, entities) = HtmlText.ToEntities(html);
        return SendAsync(destination, text, entities, randomId, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _connection.Close();
        _onDisposed(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The world caps a page like Telegram does; the port promises up to <paramref name="limit"/>, so page here.</summary>
    private IReadOnlyList<ChannelPost> ReadHistory(TelegramPeer channel, int afterMessageId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var posts = new List<ChannelPost>();
        var after = afterMessageId;
        while (posts.Count < limit)
        {
            var page = _connection.GetHistory(channel, after, limit - posts.Count);
            if (page.Count == 0)
            {
                break;
            }

            posts.AddRange(page);
            after = page[^1].MessageId;
        }

        return posts;
    }

    private static Task<T> Call<T>(Func<T> call, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(call());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    private async Task<SentMessage> SendAsync(TelegramPeer destination, string text, IReadOnlyList<TextEntity> entities, long randomId, CancellationToken cancellationToken) =>
        (await _connection.SendMessageAsync(destination, text, entities, randomId, cancellationToken)).Sent;
}
