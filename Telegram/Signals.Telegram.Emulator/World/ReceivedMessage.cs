namespace Signals.Telegram.Emulator.World;

/// <summary>
/// A message a chat holds. <see cref="SenderUserId"/> and <see cref="RandomId"/> are set for messages that came
/// through sendMessage; posts published through the admin surface have neither.
/// </summary>
public sealed record ReceivedMessage(
    long PeerId,
    int MessageId,
    long? SenderUserId,
    string Text,
    IReadOnlyList<string> Links,
    long? RandomId,
    DateTimeOffset Date,
    DateTimeOffset? EditDate);
