using Signals.Telegram.Errors;

namespace Signals.Telegram.Client;

/// <summary>
/// The owner's <see cref="Signals.Telegram.Port.ISessionFence"/> said no, so nothing was (or will be) written on this
/// connection. Permanent for this connection: retrying on it cannot help; the owner connects again only once it holds
/// the session again.
/// </summary>
public static class SessionFenced
{
    public const string ErrorCode = "SESSION_FENCED";

    public static TelegramPermanentException Exception() =>
        new(ErrorCode, $"{ErrorCode}: the session's owner no longer holds it; nothing is sent");
}
