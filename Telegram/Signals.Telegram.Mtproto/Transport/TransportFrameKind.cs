namespace Signals.Telegram.Mtproto.Transport;

public enum TransportFrameKind
{
    /// <summary>An MTProto payload (plain or encrypted message).</summary>
    Payload,

    /// <summary>A 4-byte negative error code instead of a payload (-404 no auth key, -429 flood, -444 bad DC).</summary>
    TransportError,

    /// <summary>A server's quick acknowledgement: 31 bits of the SHA256 that checks a message the client sent.</summary>
    QuickAck,
}
