namespace Signals.Ownership;

/// <summary>What Redis holds for a session's lease right now (for status and diagnostics).</summary>
/// <param name="Owner">The holder's owner id.</param>
/// <param name="Token">The holder's fencing token.</param>
/// <param name="Remaining">Time left before it expires by Redis' clock; zero or less while only the safety margin remains.</param>
public sealed record LeaseInfo(string Owner, long Token, TimeSpan Remaining);
