using Signals.Telegram.Client.Connection;
using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Transport;

namespace Signals.Telegram.Client;

/// <summary>How a <see cref="MtprotoTelegramConnector"/> reaches Telegram. <see cref="ApiHash"/> is a secret: never logged.</summary>
public sealed class MtprotoConnectorOptions
{
    public required IReadOnlyList<DcEndpoint> DataCenters { get; init; }

    public int DefaultDcId { get; init; } = 2;

    public required IReadOnlyList<RsaPublicKey> ServerKeys { get; init; }

    public required int ApiId { get; init; }

    public required string ApiHash { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TransportKind Transport { get; init; } = TransportKind.Intermediate;

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First reconnect delay; doubles per consecutive failure up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive failed connection attempts before a connection gives up (IsOpen turns false).</summary>
    public int MaxReconnectAttempts { get; init; } = 8;

    /// <summary>Usernames resolved at once before the rate limit applies.</summary>
    public int ResolveBurst { get; init; } = 5;

    /// <summary>One more username resolve per this interval once the burst is spent.</summary>
    public TimeSpan ResolveInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a pts gap may wait for the missing updates before the difference is fetched.</summary>
    public TimeSpan GapWait { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Silence after which the update state is checked with getDifference (Telegram suggests 15 minutes).</summary>
    public TimeSpan IdleResync { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Time allowed for connecting (TCP, key exchange and the first initConnection).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string DeviceModel { get; init; } = "Signals";

    public string AppVersion { get; init; } = "1.0";

    /// <summary>
    /// Telegram's production data centres and key. The addresses are the IPv4 endpoints help.getConfig reports and
    /// GramJS / Telethon start from (DC 4's 149.154.167.91 is GramJS's DEFAULT_IPV4_IP); see also
    /// https://core.telegram.org/mtproto/transports and https://my.telegram.org/apps.
    /// </summary>
    public static MtprotoConnectorOptions Production(int apiId, string apiHash) => new()
    {
        ApiId = apiId,
        ApiHash = apiHash,
        DefaultDcId = 2,
        ServerKeys = [TelegramPublicKeys.Production],
        DataCenters =
        [
            new DcEndpoint(1, "149.154.175.53", 443),
            new DcEndpoint(2, "149.154.167.51", 443),
            new DcEndpoint(3, "149.154.175.100", 443),
            new DcEndpoint(4, "149.154.167.91", 443),
            new DcEndpoint(5, "91.108.56.130", 443),
        ],
    };

    /// <summary>Telegram's test data centres (https://core.telegram.org/api/auth#test-accounts; my.telegram.org lists 149.154.167.40:443 as DC 2).</summary>
    public static MtprotoConnectorOptions TestServers(int apiId, string apiHash) => new()
    {
        ApiId = apiId,
        ApiHash = apiHash,
        DefaultDcId = 2,
        ServerKeys = [TelegramPublicKeys.Test],
        DataCenters =
        [
            new DcEndpoint(1, "149.154.175.10", 443),
            new DcEndpoint(2, "149.154.167.40", 443),
            new DcEndpoint(3, "149.154.175.117", 443),
        ],
    };

    /// <summary>The application identity Signals' emulator accepts (it checks the shape, not the value).</summary>
    public const int EmulatorApiId = 1;

    public const string EmulatorApiHash = "0123456789abcdef0123456789abcdef";

    /// <summary>
    /// Our emulator's MTProto server at one address (the silo's embedded one, a test's): its DC 2, its key, the
    /// placeholder application identity, and no resolve limit, because the emulator sets none and a demo or a test
    /// resolves dozens of names at once.
    /// </summary>
    public static MtprotoConnectorOptions ForEmulator(System.Net.IPEndPoint endPoint, RsaPublicKey serverKey, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new()
        {
            DataCenters = [new DcEndpoint(2, endPoint.Address.ToString(), endPoint.Port)],
            ServerKeys = [serverKey],
            ApiId = EmulatorApiId,
            ApiHash = EmulatorApiHash,
            Time = time ?? TimeProvider.System,
            ResolveBurst = 100,
            ResolveInterval = TimeSpan.FromMilliseconds(10),
        };
    }

    /// <summary>Leaves the api_hash out, so options that end up in a log line do not leak it.</summary>
    public override string ToString() => $"api_id {ApiId}, api_hash (hidden), default DC {DefaultDcId}, {DataCenters.Count} DCs";
}
