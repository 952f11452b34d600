using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Transport;

namespace Signals.Telegram.Mtproto.Sender;

public sealed class MtprotoSenderOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public int DcId { get; init; } = 2;

    public TransportKind Transport { get; init; } = TransportKind.Intermediate;

    /// <summary>The RSA keys the server may present during a key exchange.</summary>
    public required IReadOnlyList<RsaPublicKey> ServerKeys { get; init; }

    /// <summary>The clock msg_ids are made from (its error is corrected from the server's answers).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Ceiling of the reconnect backoff: each consecutive failure doubles <see cref="ReconnectDelay"/> up to this.
    /// Null keeps the delay constant.
    /// </summary>
    public TimeSpan? MaxReconnectDelay { get; init; }

    /// <summary>
    /// When true, every re-established connection (not the first) puts an updatesTooLong on <see cref="MtprotoSender.Updates"/>:
    /// updates pushed while the connection was down are lost, and updatesTooLong is how Telegram itself tells a client
    /// to fetch the difference (https://core.telegram.org/api/updates#recovering-gaps).
    /// </summary>
    public bool SignalReconnectAsUpdatesTooLong { get; init; }

    /// <summary>Consecutive failed connection attempts before every waiting call fails.</summary>
    public int MaxReconnectAttempts { get; init; } = 5;

    public int ApiId { get; init; } = 1;

    public string DeviceModel { get; init; } = "Signals";

    public string SystemVersion { get; init; } = Environment.OSVersion.VersionString;

    public string AppVersion { get; init; } = "1.0";

    public string LangCode { get; init; } = "en";

    /// <summary>
    /// Sent as initConnection's <c>params</c> JSON object (string values). Signals puts the session's name there
    /// (<c>signals_session</c>), so an operator's emulator, and any log on the far side, can tell which session a
    /// connection belongs to; nothing secret may go here.
    /// </summary>
    public IReadOnlyDictionary<string, string> ConnectionParams { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Asked before every write on the socket; false closes the sender for good without writing (the owner lost the
    /// session, and another may be using the key). Null: always allowed.
    /// </summary>
    public Func<bool>? MayTransmit { get; init; }
}
