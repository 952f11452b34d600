using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Signals.Telegram.Mtproto.Tests.Client;

/// <summary>
/// Runs a script of tests/gramjs under node. Each stdout line goes to an optional callback (a script may print a
/// line asking the test to act, and read an answer from stdin); the result is the last JSON line. Needs node and
/// `npm ci` in tests/gramjs; fails (never skips) without them.
/// </summary>
internal static class GramJsHarness
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs the script and returns its last JSON line; fails the test when the script failed.</summary>
    public static async Task<JsonObject> RunAsync(IReadOnlyList<string> args, Func<string, StreamWriter, Task>? onLine = null)
    {
        var (exitCode, stdout, stderr) = await RunNodeAsync(args, onLine);
        Assert.True(exitCode == 0, $"{args[0]} failed ({exitCode}): {stderr}");
        return JsonNode.Parse(stdout.Split('\n').Last(l => l.StartsWith('{')))!.AsObject();
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(IReadOnlyList<string> args, Func<string, StreamWriter, Task>? onLine)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = HarnessDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = new System.Text.StringBuilder();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                stdout.AppendLine(line);
                if (onLine is not null)
                {
                    await onLine(line, process.StandardInput);
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', args)} did not finish within {Timeout}: {await stderr}");
        }

        return (process.ExitCode, stdout.ToString(), await stderr);
    }

    private static string HarnessDirectory()
    {
        var recorded = typeof(GramJsHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GramJsHarnessDirectory")?.Value;
        if (recorded is not null && Directory.Exists(Path.Combine(recorded, "node_modules", "telegram")))
        {
            return recorded;
        }

        throw new InvalidOperationException($"GramJS is not installed: run `npm ci` in {recorded ?? "tests/gramjs"}.");
    }
}
