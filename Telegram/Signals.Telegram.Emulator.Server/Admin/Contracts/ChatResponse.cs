using Signals.Telegram.Emulator.World;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>A channel or group: <see cref="Id"/> is the bare id, <see cref="BotApiId"/> the "-100…"/"-…" form.</summary>
public sealed record ChatResponse(long Id, string BotApiId, string Kind, string? Username, string Title, long AccessHash)
{
    public static ChatResponse From(WorldChat chat) => new(
        chat.Id,
        chat.Kind == PeerKind.Channel ? $"-100{chat.Id}" : $"-{chat.Id}",
        chat.Kind == PeerKind.Channel ? "channel" : "group",
        chat.Username,
        chat.Title,
        chat.AccessHash);
}
