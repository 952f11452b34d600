using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>An account. The phone is the one the operator asked about; it is never logged.</summary>
public sealed record UserResponse(long Id, string Phone, string Name, string? Username, bool HasPassword, bool Banned)
{
    public static UserResponse From(WorldUser user) => new(user.Id, user.Phone, user.DisplayName, user.Username, user.HasPassword, user.IsBanned);
}
