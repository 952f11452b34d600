using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>A channel or group of the world. <see cref="Id"/> is the bare id (no Bot API "-100" prefix).</summary>
public sealed record WorldChat(long Id, PeerKind Kind, string? Username, string Title, long AccessHash)
{
    public TelegramPeer ToPeer() => new(Kind, Id, AccessHash, Username, Title);
}
