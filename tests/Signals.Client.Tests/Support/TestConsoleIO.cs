using Signals.Client.Infrastructure;
using Spectre.Console;

namespace Signals.Client.Tests.Support;

/// <summary>A console for in-process runs: captured output, scripted input and secrets, and a private environment.</summary>
public sealed class TestConsoleIO : IConsoleIO
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly Func<string, string?> _secrets;
    private readonly IReadOnlyDictionary<string, string> _environment;

    /// <param name="secrets">Answers hidden prompts (given the prompt text); null answers as a closed terminal would.</param>
    public TestConsoleIO(string stdin = "", IReadOnlyDictionary<string, string>? environment = null, Func<string, string?>? secrets = null)
    {
        In = new StringReader(stdin);
        _environment = environment ?? new Dictionary<string, string>();
        _secrets = secrets ?? (_ => null);
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_out),
        });
        // Wide enough that addresses and ids are never wrapped inside table cells.
        Ansi.Profile.Width = 400;
    }

    public TextWriter Out => _out;

    public TextWriter Error => _error;

    public TextReader In { get; }

    public IAnsiConsole Ansi { get; }

    public string StdOut => _out.ToString();

    public string StdErr => _error.ToString();

    /// <summary>The prompts the CLI showed for secrets, in order.</summary>
    public List<string> SecretPrompts { get; } = [];

    public string? GetEnvironmentVariable(string name) => _environment.GetValueOrDefault(name);

    public string? ReadSecret(string prompt)
    {
        SecretPrompts.Add(prompt);
        return _secrets(prompt);
    }
}
