namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>A post's content for publishing or editing: text and hidden text-link URLs.</summary>
public sealed record PostRequest(string? Text, IReadOnlyList<string>? Links = null);
