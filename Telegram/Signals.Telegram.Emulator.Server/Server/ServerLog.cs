using System.Net;
using Microsoft.Extensions.Logging;

namespace Signals.Telegram.Emulator.Server;

internal static partial class ServerLog
{
    [LoggerMessage(5001, LogLevel.Information, "MTProto emulator listening on {EndPoint}, RSA fingerprint {Fingerprint}")]
    public static partial void Listening(ILogger logger, EndPoint endPoint, long fingerprint);

    [LoggerMessage(5002, LogLevel.Debug, "Connection {ConnectionId} from {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, EndPoint? remote, string reason);

    [LoggerMessage(5003, LogLevel.Information, "Connection {ConnectionId} created auth key {AuthKeyId:X16}")]
    public static partial void AuthKeyCreated(ILogger logger, long connectionId, long authKeyId);

    [LoggerMessage(5004, LogLevel.Warning, "Connection {ConnectionId} failed unexpectedly")]
    public static partial void ConnectionFailed(ILogger logger, long connectionId, Exception exception);
}
