using Microsoft.Extensions.Logging;

namespace Signals.Channels;

internal static partial class ReaderLog
{
    [LoggerMessage(2001, LogLevel.Information, "Reader {Channel} caught up {Posts} posts from history (cursor {Cursor})")]
    public static partial void CaughtUp(ILogger logger, string channel, int posts, int cursor);

    [LoggerMessage(2002, LogLevel.Warning, "Reader {Channel} could not read history; it will retry at the next post or reconnect")]
    public static partial void HistoryFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(2003, LogLevel.Information, "Reader {Channel} assigned to session {Session}, cursor {Cursor}")]
    public static partial void Assigned(ILogger logger, string channel, string session, int? cursor);
}
