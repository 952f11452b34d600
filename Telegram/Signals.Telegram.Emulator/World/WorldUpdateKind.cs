namespace Signals.Telegram.Emulator.World;

public enum WorldUpdateKind
{
    NewMessage,
    EditMessage,
    DeleteMessages,
}
