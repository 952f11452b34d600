namespace Signals.Detection;

/// <summary>A channel that called the token and the time of its earliest mention that still counts.</summary>
public sealed record ChannelCall(string Channel, DateTimeOffset FirstCallAt);
