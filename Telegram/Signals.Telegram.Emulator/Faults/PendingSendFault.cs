namespace Signals.Telegram.Emulator.Faults;

/// <summary>A fault armed for the next <see cref="Remaining"/> sends (of one session, or of anyone).</summary>
internal sealed class PendingSendFault(SendFaultKind kind, string? sessionName, int remaining, TimeSpan retryAfter)
{
    public SendFaultKind Kind { get; } = kind;

    public string? SessionName { get; } = sessionName;

    public int Remaining { get; set; } = remaining;

    public TimeSpan RetryAfter { get; } = retryAfter;

    public bool Matches(SendFaultKind kind, string sessionName) =>
        Kind == kind && (SessionName is null || SessionName == sessionName);
}
