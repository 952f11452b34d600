using System.Diagnostics;

namespace Signals.Deploy.Tests.Rendering;

/// <summary>Runs a command-line tool the tests depend on and fails with a plain message when it is not installed.</summary>
public static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string tool, string missingHint, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // A missing tool is a broken test machine, never a reason to skip: CI machines are set up the same way.
            throw new InvalidOperationException($"'{tool}' is not installed or not on PATH ({ex.Message}). {missingHint}", ex);
        }

        using (process)
        {
            using var cancel = new CancellationTokenSource(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
            var error = process.StandardError.ReadToEndAsync(cancel.Token);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {Timeout}.");
            }

            return (process.ExitCode, await output, await error);
        }
    }
}
