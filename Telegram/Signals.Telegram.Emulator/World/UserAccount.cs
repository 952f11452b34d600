using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>The world's mutable record of an account; guarded by the world's lock.</summary>
internal sealed class UserAccount(long id, string phone, string displayName, string? username, string? password, string? passwordHint, int homeDc)
{
    public long Id { get; } = id;

    public string Phone { get; } = phone;

    public string DisplayName { get; } = displayName;

    public string? Username { get; } = username;

    public string? Password { get; } = password;

    public string? PasswordHint { get; } = passwordHint;

    public bool IsBanned { get; set; }

    /// <summary>The DC that keeps the account; logins elsewhere are sent there (PHONE_MIGRATE_X).</summary>
    public int HomeDc { get; } = homeDc;

    /// <summary>The common update box: messages of private chats and groups, with the account's own pts.</summary>
    public UpdateBox Box { get; } = new();

    public TelegramUser ToTelegramUser() => new(Id, DisplayName, Username);

    public WorldUser ToWorldUser() => new(Id, Phone, DisplayName, Username, Password is not null, IsBanned, HomeDc);
}
