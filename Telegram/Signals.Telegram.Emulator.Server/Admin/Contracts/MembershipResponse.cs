namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>A user's standing in a chat after a membership change.</summary>
public sealed record MembershipResponse(long ChatId, long UserId, bool Member, bool Writer);
