namespace Signals.Detection;

/// <summary>An alert already sent for a token: by which rule, at which tier (1-based rank), when.</summary>
public sealed record FiredAlert(string Rule, int Tier, DateTimeOffset At);
