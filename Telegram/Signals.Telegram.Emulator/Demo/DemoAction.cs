namespace Signals.Telegram.Emulator.Demo;

/// <summary>One step of the feed: what it did, where, and which token it was about (if any).</summary>
public sealed record DemoAction(DemoActionKind Kind, long ChannelId, int MessageId, string Text, IReadOnlyList<string> Links, DemoToken? Token);
