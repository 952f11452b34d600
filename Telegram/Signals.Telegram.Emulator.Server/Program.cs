using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Signals.Telegram.Emulator.Server.Standalone;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// The standalone emulator's entry (see docs/emulator.md). An explicit, internal class rather than top-level
/// statements: ASP.NET Core makes a top-level Program public, and it then clashes with every referencing project's own.
/// </summary>
internal static class Program
{
    /// <summary>
    /// The program owns the process' signals: SIGTERM and Ctrl+C stop the emulator cleanly (exit 0). Logs go to
    /// stderr; stdout carries only the "listening / fingerprint / admin" lines.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        return await StandaloneProgram.RunAsync(args, Console.Out, Console.Error, loggerFactory, stop.Token);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
