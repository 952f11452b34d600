using Spectre.Console;

namespace Signals.Client.Infrastructure;

/// <summary>The process console. Prompts go to standard error so that standard output stays clean for <c>--json</c>.</summary>
public sealed class SystemConsoleIO : IConsoleIO
{
    private readonly Lazy<IAnsiConsole> _prompter = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    }));

    public static SystemConsoleIO Instance { get; } = new();

    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public TextReader In => Console.In;

    public IAnsiConsole Ansi => AnsiConsole.Console;

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string? ReadSecret(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            // A pipe: nothing is echoed anyway, and Spectre's prompt needs a terminal.
            return Console.In.ReadLine();
        }

        return _prompter.Value.Prompt(new TextPrompt<string>(prompt).Secret());
    }
}
