namespace Signals.Telegram.Errors;

public enum TelegramErrorKind
{
    /// <summary>Worth retrying as is: a dropped connection, a timeout, an internal server error.</summary>
    Transient = 0,

    /// <summary>FLOOD_WAIT_X / SLOWMODE_WAIT_X: retry after the given time, not before.</summary>
    FloodWait = 1,

    /// <summary>The session needs a (new) login: AUTH_KEY_UNREGISTERED, SESSION_REVOKED, AUTH_KEY_DUPLICATED.</summary>
    Unauthorized = 2,

    /// <summary>A username, channel or chat that does not exist or is not visible to this account.</summary>
    NotFound = 3,

    /// <summary>Will not succeed however often it is retried: CHAT_WRITE_FORBIDDEN, PEER_ID_INVALID.</summary>
    Permanent = 4,
}
