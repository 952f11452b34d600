using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// A snapshot of one message as a front end renders it. <see cref="RoomId"/> is the chat that holds it: a channel,
/// a group, or (for a message sent to a user) the recipient's id. <see cref="SenderUserId"/> is null for posts
/// published through the admin surface.
/// </summary>
public sealed record WorldMessage(
    long RoomId,
    PeerKind RoomKind,
    int Id,
    long? SenderUserId,
    DateTimeOffset Date,
    DateTimeOffset? EditDate,
    string Text,
    IReadOnlyList<TextEntity> Entities);
