using System.Diagnostics;
using System.Text;

namespace Signals.Testing.Processes;

/// <summary>Runs the <c>signals</c> CLI as a process against one cluster (Redis clustering), with a timeout per command.</summary>
public sealed class CliRunner(string redis, string clusterId, string serviceId)
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, interact: null, CancellationToken.None);

    /// <summary>
    /// Runs one command. <paramref name="interact"/>, when given, writes to the command's standard input while it runs
    /// (a login answering the code prompt); otherwise standard input is closed at once.
    /// </summary>
    public async Task<CliResult> RunAsync(IReadOnlyList<string> args, Func<TextWriter, CancellationToken, Task>? interact, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BuiltPrograms.CliDll)!,
        };
        info.ArgumentList.Add(BuiltPrograms.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in (string[])["--redis", redis, "--cluster-id", clusterId, "--service-id", serviceId])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        // Only what a secret-free description of the command needs: the sub-command words, never option values.
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            if (interact is null)
            {
                process.StandardInput.Close();
            }
            else
            {
                await interact(process.StandardInput, timeout.Token);
            }

            await process.WaitForExitAsync(timeout.Token);
            process.WaitForExit();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"signals {command} did not finish within {CommandTimeout}:\n{Read(stderr)}\n{Read(stdout)}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new CliResult(command, process.ExitCode, Read(stdout), Read(stderr));
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }

    private static string Read(StringBuilder source)
    {
        lock (source)
        {
            return source.ToString();
        }
    }
}
