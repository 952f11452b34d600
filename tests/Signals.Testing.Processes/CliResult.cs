using System.Text.Json;

namespace Signals.Testing.Processes;

/// <summary>One finished <c>signals</c> command: exit code and both outputs.</summary>
public sealed record CliResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public CliResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"signals {Command} exited with {ExitCode}:\n{StandardError}\n{StandardOutput}");

    public JsonDocument Json() => JsonDocument.Parse(StandardOutput);
}
