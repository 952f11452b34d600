using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Signals.Telegram.Emulator.Server.Standalone;

// The standalone emulator (see docs/emulator.md). The program owns the process' signals: SIGTERM and Ctrl+C stop it
// cleanly (exit 0). Logs go to stderr; stdout carries only the "listening/fingerprint/admin" lines.
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
