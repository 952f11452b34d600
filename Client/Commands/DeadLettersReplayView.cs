namespace Signals.Client.Commands;

/// <summary>
/// JSON of <c>signals deadletters replay</c>: how many were put back, and for a single id the new queue entry it became.
/// </summary>
public sealed record DeadLettersReplayView(int Replayed, string? DeadLetterId, string? QueueEntryId);
