namespace Signals.Testing.Processes;

/// <summary>What <see cref="ProcessCluster.SeedAsync"/> created: the sessions, the call channels and the alert destination.</summary>
public sealed record ProcessSetup(
    string ReaderSession,
    string NotifierSession,
    IReadOnlyList<string> Channels,
    string Destination,
    string DestinationChat);
