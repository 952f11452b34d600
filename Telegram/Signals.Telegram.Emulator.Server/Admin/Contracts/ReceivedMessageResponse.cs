using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>
/// A message a chat holds. <see cref="SenderUserId"/> and <see cref="RandomId"/> are null for admin posts.
/// <see cref="RandomId"/> is a full 64-bit number: read it with a 64-bit integer type, not a double.
/// </summary>
public sealed record ReceivedMessageResponse(
    long PeerId,
    int MessageId,
    long? SenderUserId,
    string Text,
    IReadOnlyList<string> Links,
    long? RandomId,
    DateTimeOffset Date,
    DateTimeOffset? EditDate)
{
    public static ReceivedMessageResponse From(ReceivedMessage message) => new(
        message.PeerId, message.MessageId, message.SenderUserId, message.Text, message.Links, message.RandomId, message.Date, message.EditDate);
}
