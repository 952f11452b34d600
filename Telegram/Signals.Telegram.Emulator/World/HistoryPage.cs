namespace Signals.Telegram.Emulator.World;

/// <summary>One page of history, newest first; <see cref="Count"/> is how many messages the chat holds, <see cref="Pts"/> its box's pts.</summary>
public sealed record HistoryPage(IReadOnlyList<WorldMessage> Messages, int Count, int Pts);
