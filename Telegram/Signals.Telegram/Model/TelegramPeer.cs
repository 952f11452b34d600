namespace Signals.Telegram.Model;

/// <summary>A peer as Telegram addresses it: kind, id and the access hash this session was given for it.</summary>
public sealed record TelegramPeer(PeerKind Kind, long Id, long AccessHash, string? Username, string Title);
