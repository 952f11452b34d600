using System.CommandLine;
using System.CommandLine.Invocation;
using Signals.Client.Commands;
using Signals.Client.Infrastructure;

namespace Signals.Client;

/// <summary>The <c>signals</c> command line, runnable in-process: <see cref="RunAsync"/> is the whole program.</summary>
public static class SignalsCli
{
    /// <summary>Runs one command line and returns its exit code (see <see cref="ExitCodes"/>). Never throws for a failed command.</summary>
    public static async Task<int> RunAsync(string[] args, IConsoleIO io, CancellationToken ct = default)
    {
        var context = new CliContext(io, new GlobalOptions());
        var root = BuildRoot(context);
        // No response files: "@somecalls" is a channel name here, not a file of arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction or null)
        {
            foreach (var error in parse.Errors)
            {
                await io.Error.WriteLineAsync($"error: {error.Message}");
            }

            await io.Error.WriteLineAsync($"Run '{CommandPath(parse)} --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = io.Out,
            Error = io.Error,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C is the host's business (Program.cs turns it into ct); in-process tests must not hook the process' signals.
            ProcessTerminationTimeout = null,
        };

        try
        {
            return await parse.InvokeAsync(invocation, ct);
        }
        catch (Exception ex)
        {
            return Report(ex, io, parse.GetValue(context.Globals.Verbose), ct);
        }
    }

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Signals: watch Telegram channels for token calls and manage the cluster that does it.");
        foreach (var option in context.Globals.All)
        {
            root.Add(option);
        }

        root.Add(StatusCommand.Create(context));
        root.Add(SessionsCommand.Create(context));
        root.Add(ChannelsCommand.Create(context));
        root.Add(DestinationsCommand.Create(context));
        root.Add(RulesCommand.Create(context));
        root.Add(TokensCommand.Create(context));
        root.Add(AlertsCommand.Create(context));
        root.Add(TailCommand.Create(context));
        root.Add(DeadLettersCommand.Create(context));
        root.Add(SecretsCommand.Create(context));
        root.Add(ParseCommand.Create(context));
        return root;
    }

    private static int Report(Exception ex, IConsoleIO io, bool verbose, CancellationToken ct)
    {
        var (code, message) = ex switch
        {
            CliException cli => (cli.ExitCode, cli.Message),
            OperationCanceledException when ct.IsCancellationRequested => (ExitCodes.Failed, "Cancelled."),
            _ => (ExitCodes.Failed, ex.Message),
        };
        io.Error.WriteLine($"error: {message}");
        if (verbose)
        {
            io.Error.WriteLine(ex.ToString());
        }

        return code;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "signals" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
