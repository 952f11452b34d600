namespace Signals.Telegram.Emulator.Faults;

internal enum SendFaultKind
{
    /// <summary>The send fails before anything is stored.</summary>
    Fail,

    /// <summary>The send is refused with FLOOD_WAIT.</summary>
    FloodWait,

    /// <summary>The send is stored but its answer never arrives.</summary>
    LoseReply,
}
