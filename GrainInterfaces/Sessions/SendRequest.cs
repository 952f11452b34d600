namespace Signals.Sessions;

/// <summary>A message to send. <see cref="Destination"/> is "@username" or a numeric peer id.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Sessions.SendRequest")]
public sealed record SendRequest(
    [property: Id(0)] string Destination,
    [property: Id(1)] string Html,
    [property: Id(2)] long RandomId,
    [property: Id(3)] string? TraceParent);
