using Spectre.Console;

namespace Signals.Client.Infrastructure;

/// <summary>The process console. Prompts go to standard error so that standard output stays clean for <c>--json</c>.</summary>
public sealed class SystemConsoleIO : IConsoleIO
{
    private const int RedirectedWidth = 240;

    private readonly Lazy<IAnsiConsole> _prompter = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    }));

    private readonly Lazy<IAnsiConsole> _tables = new(CreateTableConsole);

    public static SystemConsoleIO Instance { get; } = new();

    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public TextReader In => Console.In;

    public IAnsiConsole Ansi => _tables.Value;

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    private static IAnsiConsole CreateTableConsole()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Piped into less or grep: Spectre assumes 80 columns and would wrap every address and silo name.
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

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
