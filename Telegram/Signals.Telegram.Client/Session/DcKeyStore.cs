using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Sender;

namespace Signals.Telegram.Client.Session;

/// <summary>
/// The <see cref="ISessionStore"/> one DC's <see cref="MtprotoSender"/> reads its key from and writes its key, salt
/// and clock offset to: a window onto that DC's entry in the session state.
/// </summary>
internal sealed class DcKeyStore(SessionState state, int dcId) : ISessionStore
{
    public ValueTask<byte[]?> LoadAsync(CancellationToken cancellationToken)
    {
        var key = state.Key(dcId);
        var blob = key is null ? null : new SessionBlob(dcId, new AuthKey(key.AuthKey), key.Salt, key.TimeOffsetSeconds).ToBytes();
        return ValueTask.FromResult(blob);
    }

    public ValueTask SaveAsync(byte[] blob, CancellationToken cancellationToken)
    {
        var saved = SessionBlob.FromBytes(blob);
        var authorized = state.Key(dcId) is { } known
            && known.Authorized
            && known.AuthKey.AsSpan().SequenceEqual(saved.AuthKey.Key);
        state.SetKey(new DcAuthorization(dcId, saved.AuthKey.Key.ToArray(), saved.Salt, saved.TimeOffsetSeconds, authorized));
        return ValueTask.CompletedTask;
    }
}
