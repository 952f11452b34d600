using System.Globalization;
using Signals.Telegram.Errors;
using Signals.Telegram.Tl.Mtproto;

namespace Signals.Telegram.Emulator.Server;

/// <summary>The world's typed errors as the rpc_error Telegram sends for them (https://core.telegram.org/api/errors).</summary>
internal static class RpcErrors
{
    public static RpcError Of(int code, string message) => new() { ErrorCode = code, ErrorMessage = message };

    public static RpcError From(TelegramException error) => error switch
    {
        // FLOOD_WAIT_X / SLOWMODE_WAIT_X: X is the number of seconds.
        TelegramFloodWaitException wait => Of(420, WithSeconds(wait.ErrorCode, wait.RetryAfter)),
        { Kind: TelegramErrorKind.FloodWait } => Of(420, error.ErrorCode),
        { Kind: TelegramErrorKind.Unauthorized } => Of(401, error.ErrorCode),
        { ErrorCode: "CHAT_WRITE_FORBIDDEN" or "CHAT_ADMIN_REQUIRED" or "USER_BANNED_IN_CHANNEL" or "CHAT_SEND_PLAIN_FORBIDDEN" } => Of(403, error.ErrorCode),
        { Kind: TelegramErrorKind.NotFound or TelegramErrorKind.Permanent } => Of(400, error.ErrorCode),

        // Transient: Telegram's internal errors are 500 with a name (RPC_CALL_FAIL, TIMEOUT ...).
        _ => Of(500, error.ErrorCode),
    };

    private static string WithSeconds(string errorCode, TimeSpan wait)
    {
        var seconds = ((long)Math.Max(1, Math.Ceiling(wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
        return errorCode.EndsWith("_X", StringComparison.Ordinal) ? errorCode[..^1] + seconds : errorCode;
    }
}
