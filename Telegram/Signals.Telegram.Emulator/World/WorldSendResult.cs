using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// What a send did: the port's view (<see cref="Sent"/>), the stored message, and the pts of its new-message
/// event (the channel's, or the sender's common box's) with the pts it took.
/// </summary>
public sealed record WorldSendResult(SentMessage Sent, WorldMessage Message, int Pts, int PtsCount);
