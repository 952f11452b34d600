using Signals.Telegram.Errors;

namespace Signals.Telegram.Emulator.World;

/// <summary>
/// Why a connection closed. Kept as data, not as an exception instance, so every caller that hits the closed
/// connection gets its own exception with its own stack trace.
/// </summary>
internal sealed record ConnectionFault(TelegramErrorKind Kind, string ErrorCode, string Message)
{
    public static readonly ConnectionFault ClosedByOwner = new(TelegramErrorKind.Transient, "CONNECTION_CLOSED", "the connection was closed");

    public static readonly ConnectionFault Lost = new(TelegramErrorKind.Transient, "CONNECTION_LOST", "the connection was lost");

    public static readonly ConnectionFault UpdatesTooLong =
        new(TelegramErrorKind.Transient, "UPDATES_TOO_LONG", "the connection fell too far behind its updates; reconnect and read history");

    public static readonly ConnectionFault Duplicated = new(TelegramErrorKind.Unauthorized, "AUTH_KEY_DUPLICATED", string.Empty);

    public static readonly ConnectionFault Revoked = new(TelegramErrorKind.Unauthorized, "SESSION_REVOKED", string.Empty);

    public TelegramException ToException() => Kind == TelegramErrorKind.Unauthorized
        ? new TelegramUnauthorizedException(ErrorCode)
        : new TelegramTransientException(ErrorCode, $"{ErrorCode}: {Message}");
}
