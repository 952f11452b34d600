using Signals.Telegram.Errors;

namespace Signals.Telegram.Client;

/// <summary>
/// PHONE_MIGRATE_X, USER_MIGRATE_X, NETWORK_MIGRATE_X, FILE_MIGRATE_X, STATS_MIGRATE_X: the account or the call lives
/// on DC <see cref="DcId"/>. Retrying on this DC cannot succeed (hence <see cref="TelegramErrorKind.Permanent"/>);
/// the owner must reconnect to that DC and repeat the call there.
/// </summary>
public sealed class TelegramMigrateException(string errorCode, int dcId)
    : TelegramException(TelegramErrorKind.Permanent, errorCode, $"{errorCode}: the call must be made on DC {dcId}")
{
    public int DcId { get; } = dcId;
}
