namespace Signals.Telegram.Model;

public enum PeerKind
{
    User = 0,
    Chat = 1,
    Channel = 2,
}
