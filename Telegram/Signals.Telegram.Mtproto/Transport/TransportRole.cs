namespace Signals.Telegram.Mtproto.Transport;

/// <summary>
/// Which end of the connection a codec serves. It decides how the high bit of a length reads: from a server it
/// announces a quick ack (or a transport error), from a client a quick-ack request.
/// </summary>
public enum TransportRole
{
    Client,
    Server,
}
