namespace Signals.Telegram.Mtproto.Auth;

/// <summary>
/// One step of a key exchange: the TL body to send next (wrap it with <see cref="PlainMessage"/>), and/or the
/// result once the exchange is complete. A server's last step carries both (dh_gen_ok and the key).
/// </summary>
public sealed record HandshakeStep(byte[]? Reply, HandshakeResult? Result)
{
    public bool IsComplete => Result is not null;
}
