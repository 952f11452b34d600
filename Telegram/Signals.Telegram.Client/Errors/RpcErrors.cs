using System.Globalization;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Mtproto.Sender;

namespace Signals.Telegram.Client;

/// <summary>
/// Telegram's rpc_error names (https://core.telegram.org/api/errors) turned into what the port promises: a login
/// step's typed status where there is one, otherwise a <see cref="TelegramException"/> subtype. Only the error's
/// name and code are ever put into a message, never the call's arguments.
/// </summary>
public static class RpcErrors
{
    public const string SessionPasswordNeeded = "SESSION_PASSWORD_NEEDED";

    public const string SrpIdInvalid = "SRP_ID_INVALID";

    /// <summary>The status a failed signIn/checkPassword ends in, or null when the error is not a login outcome.</summary>
    public static LoginStatus? LoginStatusOf(RpcErrorException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ErrorMessage switch
        {
            "PHONE_CODE_INVALID" or "PHONE_CODE_EMPTY" => LoginStatus.CodeInvalid,
            "PHONE_CODE_EXPIRED" or "PHONE_CODE_HASH_EMPTY" => LoginStatus.CodeExpired,

            // The client has no sign-up, so a number without an account is as unusable as a malformed one.
            "PHONE_NUMBER_INVALID" or "PHONE_NUMBER_UNOCCUPIED" => LoginStatus.PhoneNumberInvalid,
            "PHONE_NUMBER_BANNED" => LoginStatus.PhoneNumberBanned,
            "PASSWORD_HASH_INVALID" => LoginStatus.PasswordInvalid,
            _ => null,
        };
    }

    public static TelegramException ToException(RpcErrorException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var name = error.ErrorMessage;
        if (TrySplitNumber(name, out var stem, out var number))
        {
            // FLOOD_WAIT_X, FLOOD_PREMIUM_WAIT_X, SLOWMODE_WAIT_X: X is seconds.
            if (stem.EndsWith("_WAIT", StringComparison.Ordinal))
            {
                return new TelegramFloodWaitException(TimeSpan.FromSeconds(number), stem + "_X");
            }

            // PHONE_MIGRATE_X, USER_MIGRATE_X, NETWORK_MIGRATE_X, ...: X is the DC.
            if (stem.EndsWith("_MIGRATE", StringComparison.Ordinal))
            {
                return new TelegramMigrateException(stem + "_X", number);
            }
        }

        return error.Code switch
        {
            401 => new TelegramUnauthorizedException(name),

            // 500 INTERNAL and -503 "Timeout" are the server's trouble, not the call's: retry.
            >= 500 or -503 => new TelegramTransientException(name, $"{name}: the server failed the call (code {error.Code})", error),
            _ => new TelegramPermanentException(name, $"{name}: the server refused the call (code {error.Code})"),
        };
    }

    private static bool TrySplitNumber(string name, out string stem, out int number)
    {
        var underscore = name.LastIndexOf('_');
        if (underscore > 0
            && int.TryParse(name.AsSpan(underscore + 1), NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            stem = name[..underscore];
            return true;
        }

        stem = name;
        number = 0;
        return false;
    }
}
