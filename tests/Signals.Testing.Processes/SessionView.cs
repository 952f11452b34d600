namespace Signals.Testing.Processes;

/// <summary>The part of <c>signals sessions show NAME --json</c> the harness reads.</summary>
public sealed record SessionView(string Name, string State, bool LoggedIn, string? Silo, int Reconnects, string? LastError);
