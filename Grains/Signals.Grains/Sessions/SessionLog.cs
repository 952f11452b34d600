using Microsoft.Extensions.Logging;

namespace Signals.Sessions;

/// <summary>Session log lines. None takes a phone number, code, password or key as an argument, by design.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(1001, LogLevel.Information, "Session {Session} connected (logged in: {LoggedIn})")]
    public static partial void Connected(ILogger logger, string session, bool loggedIn);

    [LoggerMessage(1002, LogLevel.Warning, "Session {Session} could not connect: {ErrorCode}; next attempt in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string session, string errorCode, TimeSpan delay);

    [LoggerMessage(1003, LogLevel.Warning, "Session {Session} lost its connection; reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string session);

    [LoggerMessage(1004, LogLevel.Warning, "Session {Session} is no longer authorized ({ErrorCode}); it needs a new login")]
    public static partial void Unauthorized(ILogger logger, string session, string errorCode);

    [LoggerMessage(1005, LogLevel.Information, "Session {Session} logged in as user {UserId}")]
    public static partial void LoggedIn(ILogger logger, string session, long userId);

    [LoggerMessage(1006, LogLevel.Warning, "Session {Session} could not hand a post of {Channel} to its reader; the reader will catch up")]
    public static partial void DispatchFailed(ILogger logger, string session, string channel, Exception exception);

    [LoggerMessage(1007, LogLevel.Debug, "Session {Session} got an update for unknown channel id {ChannelId}")]
    public static partial void UnknownChannel(ILogger logger, string session, long channelId);

    [LoggerMessage(1008, LogLevel.Information, "Session {Session} disconnected")]
    public static partial void Disconnected(ILogger logger, string session);

    [LoggerMessage(1010, LogLevel.Warning, "Session {Session} lost its lease ({Why}); connection closed, stepping down")]
    public static partial void LeaseLost(ILogger logger, string session, string why);

    [LoggerMessage(1009, LogLevel.Warning, "Session {Session}: catch-up of {Channel} failed")]
    public static partial void CatchUpFailed(ILogger logger, string session, string channel, Exception exception);
}
