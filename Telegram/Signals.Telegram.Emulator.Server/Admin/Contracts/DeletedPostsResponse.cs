namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

public sealed record DeletedPostsResponse(long ChannelId, IReadOnlyList<int> Deleted);
