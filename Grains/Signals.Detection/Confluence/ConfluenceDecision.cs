namespace Signals.Detection;

/// <summary>
/// The outcome of one evaluation. <see cref="Tier"/> is the 1-based rank of the highest tier met now (0: none);
/// <see cref="Score"/> and <see cref="Channels"/> are those of that tier's window (of the nearest tier when none is
/// met). <see cref="Reason"/> says in words why it fires or not.
/// </summary>
public sealed record ConfluenceDecision(bool Fire, int Tier, double Score, IReadOnlyList<ChannelCall> Channels, string Reason);
