namespace Signals.Telegram.Model;

public sealed record TelegramUser(long Id, string DisplayName, string? Username);
