using Spectre.Console;

namespace Signals.Client.Infrastructure;

/// <summary>
/// Everything the CLI touches outside itself: streams, the environment and prompts. The real process uses
/// <see cref="SystemConsoleIO"/>; tests pass their own and run the CLI in-process with captured output.
/// </summary>
public interface IConsoleIO
{
    TextWriter Out { get; }

    TextWriter Error { get; }

    TextReader In { get; }

    /// <summary>Renders tables for people; writes to <see cref="Out"/>.</summary>
    IAnsiConsole Ansi { get; }

    string? GetEnvironmentVariable(string name);

    /// <summary>Asks for a value without echoing it. Returns null when there is nobody to ask (no terminal, input exhausted).</summary>
    string? ReadSecret(string prompt);
}
