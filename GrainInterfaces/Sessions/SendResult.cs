namespace Signals.Sessions;

/// <summary>
/// A send's outcome as data rather than an exception, so the delivery grain can schedule the retry itself.
/// <see cref="RetryAfter"/> is set for flood waits.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Sessions.SendResult")]
public sealed record SendResult(
    [property: Id(0)] SendOutcome Outcome,
    [property: Id(1)] int? MessageId,
    [property: Id(2)] TimeSpan? RetryAfter,
    [property: Id(3)] string? Error);
