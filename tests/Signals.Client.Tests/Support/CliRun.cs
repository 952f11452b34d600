namespace Signals.Client.Tests.Support;

/// <summary>Runs the CLI in-process once and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string StdOut, string StdErr)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<CliRun> RunAsync(TestConsoleIO io, params string[] args)
    {
        var code = await SignalsCli.RunAsync(args, io).WaitAsync(Limit);
        return new CliRun(code, io.StdOut, io.StdErr);
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new TestConsoleIO(), args);

    public string All => StdOut + StdErr;
}
