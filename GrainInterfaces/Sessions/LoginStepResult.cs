namespace Signals.Sessions;

/// <summary>The answer to one login step. <see cref="Message"/> is meant for a person and never echoes what they typed.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Sessions.LoginStepResult")]
public sealed record LoginStepResult(
    [property: Id(0)] LoginStep Step,
    [property: Id(1)] bool Succeeded,
    [property: Id(2)] string Message);
