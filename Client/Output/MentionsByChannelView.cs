namespace Signals.Client.Output;

/// <summary>A token's mentions in one channel: how many, when first and last, how many were deleted since.</summary>
public sealed record MentionsByChannelView(string Channel, int Mentions, int Deleted, DateTimeOffset FirstAt, DateTimeOffset LastAt);
