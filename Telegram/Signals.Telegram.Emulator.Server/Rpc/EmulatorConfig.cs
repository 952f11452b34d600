using System.Net;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// help.getConfig's answer: a layer-198 config whose DC options are the emulator's listeners (every DC this world
/// is served on), so a client that follows dc_options (GramJS does) stays on the emulator. Limits are Telegram's
/// published defaults.
/// </summary>
internal static class EmulatorConfig
{
    /// <summary>A config for a single DC listening on <paramref name="endPoint"/>.</summary>
    public static Config Create(IPEndPoint endPoint, int dcId, DateTimeOffset now)
    {
        var dcs = new MtprotoDcSet();
        dcs.Add(dcId, endPoint);
        return Create(dcs, dcId, now);
    }

    public static Config Create(MtprotoDcSet dcs, int dcId, DateTimeOffset now)
    {
        var date = (int)now.ToUnixTimeSeconds();
        return new Config
        {
            Date = date,
            Expires = date + 3600,
            TestMode = false,
            ThisDc = dcId,
            DcOptions = dcs.EndPoints.OrderBy(dc => dc.Key).Select(dc => Option(dc.Key, dc.Value)).ToList(),
            DcTxtDomainName = "apv3.stel.com",
            ChatSizeMax = 200,
            MegagroupSizeMax = 200_000,
            ForwardedCountMax = 100,
            OnlineUpdatePeriodMs = 210_000,
            OfflineBlurTimeoutMs = 5000,
            OfflineIdleTimeoutMs = 30_000,
            OnlineCloudTimeoutMs = 300_000,
            NotifyCloudDelayMs = 30_000,
            NotifyDefaultDelayMs = 1500,
            PushChatPeriodMs = 60_000,
            PushChatLimit = 2,
            EditTimeLimit = 172_800,
            RevokeTimeLimit = int.MaxValue,
            RevokePmTimeLimit = int.MaxValue,
            RatingEDecay = 2_419_200,
            StickersRecentLimit = 200,
            ChannelsReadMediaPeriod = 604_800,
            CallReceiveTimeoutMs = 20_000,
            CallRingTimeoutMs = 90_000,
            CallConnectTimeoutMs = 30_000,
            CallPacketTimeoutMs = 10_000,
            MeUrlPrefix = "https://t.me/",
            CaptionLengthMax = 1024,
            MessageLengthMax = 4096,
            WebfileDcId = dcId,
        };
    }

    private static DcOption Option(int dcId, IPEndPoint endPoint) => new()
    {
        Id = dcId,
        IpAddress = endPoint.Address.ToString(),
        Port = endPoint.Port,
        Ipv6 = endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
    };
}
