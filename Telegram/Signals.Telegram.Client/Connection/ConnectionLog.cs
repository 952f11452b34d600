using Microsoft.Extensions.Logging;

namespace Signals.Telegram.Client.Connection;

/// <summary>The client's log lines. None carries a secret: no key, hash, phone, code or password ever goes in.</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Saving the session blob failed; the next change saves again")]
    public static partial void SaveFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Session {Session}: the blob was unusable or its key unknown to DC {DcId}; made a new key, the session needs a login")]
    public static partial void NewKey(ILogger logger, string session, int dcId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Session {Session}: moving from DC {From} to DC {To} ({Reason})")]
    public static partial void Migrating(ILogger logger, string session, int from, int to, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Session {Session}: the login is gone ({Reason}); the session needs a new login")]
    public static partial void LoginLost(ILogger logger, string session, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Session {Session}: update recovery failed; retrying in {Delay}")]
    public static partial void RecoveryFailed(ILogger logger, string session, TimeSpan delay, Exception error);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Session {Session}: gap in {Box} (local pts {Local}, update pts {Pts}, count {Count})")]
    public static partial void Gap(ILogger logger, string session, string box, int local, int pts, int count);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Session {Session}: channel {ChannelId} difference too long; refetching history after message {After}")]
    public static partial void ChannelTooLong(ILogger logger, string session, long channelId, int after);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Session {Session}: the connection is lost")]
    public static partial void ConnectionLost(ILogger logger, string session, Exception? error);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Debug, Message = "Session {Session}: resolve of a username is rate limited; waiting {Delay}")]
    public static partial void ResolveThrottled(ILogger logger, string session, TimeSpan delay);
}
