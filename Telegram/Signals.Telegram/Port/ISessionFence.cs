namespace Signals.Telegram.Port;

/// <summary>
/// The owner's right to use a session on the wire. A connection checks it before it writes anything (a call, a ping,
/// an ack): once the owner has lost the right (its lease expired while its process was paused, say) the connection
/// closes without sending another byte, because a second owner may already be using the same auth key, and Telegram
/// revokes a key used from two places (AUTH_KEY_DUPLICATED). The <see cref="ITelegramSessionStore"/> an owner passes
/// to <see cref="ITelegramConnector.ConnectAsync"/> may implement it; connectors that write must honour it.
/// </summary>
public interface ISessionFence
{
    /// <summary>Checked from any thread, often: must be cheap and must not block.</summary>
    bool MayUse { get; }
}
