namespace Signals.Telegram.Model;

/// <summary>
/// The typed result of a login step. <see cref="PasswordHint"/> is set with <see cref="LoginStatus.PasswordNeeded"/>;
/// it is the account owner's own hint and is treated as a secret (never logged).
/// </summary>
public sealed record LoginOutcome(LoginStatus Status, TelegramUser? User, string? PasswordHint)
{
    public static LoginOutcome Success(TelegramUser user) => new(LoginStatus.LoggedIn, user, null);

    public static LoginOutcome NeedsPassword(string? hint) => new(LoginStatus.PasswordNeeded, null, hint);

    public static LoginOutcome Failed(LoginStatus status) => new(status, null, null);
}
