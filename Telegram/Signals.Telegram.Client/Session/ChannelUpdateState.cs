namespace Signals.Telegram.Client.Session;

/// <summary>
/// One channel's update box: its pts, and the newest message id this session has seen there (the point a
/// channelDifferenceTooLong refetch starts from, and a second guard against emitting a post twice).
/// </summary>
internal readonly record struct ChannelUpdateState(int Pts, int LastMessageId);
