using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.Extensions.Logging;

namespace Signals.Telegram.Emulator.Server.Standalone;

/// <summary>
/// The whole console program, minus the process' signals: parse, start, serve until <c>stop</c>, stop. Exit codes:
/// 0 after a clean stop (or --help), 1 when the emulator could not start, 2 for bad arguments.
/// </summary>
public static class StandaloneProgram
{
    public const int Ok = 0;
    public const int StartFailed = 1;
    public const int BadArguments = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, ILoggerFactory? loggerFactory, CancellationToken stop)
    {
        var root = StandaloneArguments.BuildRoot(out var bind);
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is not (null or ParseErrorAction))
        {
            // --help or --version: print and leave (even when other arguments are missing).
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null }, stop);
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync(StandaloneArguments.Usage);
            return BadArguments;
        }

        await using var emulator = new StandaloneEmulator(bind(parse), loggerFactory);
        try
        {
            await emulator.StartAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Ok;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"error: the emulator could not start: {ex.Message}");
            return StartFailed;
        }

        await stdout.WriteLineAsync($"listening {emulator.MtprotoEndPoint}");
        await stdout.WriteLineAsync($"fingerprint {emulator.Fingerprint}");
        if (emulator.AdminUri is { } adminUri)
        {
            await stdout.WriteLineAsync($"admin {adminUri}");
        }

        await stdout.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM or Ctrl+C: the normal way to stop.
        }

        await emulator.StopAsync(CancellationToken.None);
        return Ok;
    }
}
