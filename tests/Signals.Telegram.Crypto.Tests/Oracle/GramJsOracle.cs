using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace Signals.Telegram.Crypto.Tests.Oracle;

/// <summary>
/// Runs tests/gramjs/crypto-oracle.js: one node process per batch of cases, because node starts slowly.
/// Missing node or node_modules fails the test with instructions; it never skips.
/// </summary>
internal static class GramJsOracle
{
    private const string Script = "crypto-oracle.js";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static IReadOnlyList<JsonObject> Run(IEnumerable<JsonObject> cases)
    {
        var caseList = cases.ToList();
        var harness = FindHarnessDirectory();
        var request = new JsonObject { ["cases"] = new JsonArray(caseList.Select(c => (JsonNode)c).ToArray()) };

        var start = new ProcessStartInfo("node", Script)
        {
            WorkingDirectory = harness,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The GramJS oracle needs `node` on PATH (Node.js 18 or newer).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(request.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Script} did not answer within {Timeout}.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Script} failed with exit code {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
            }

            var response = JsonNode.Parse(stdout.GetAwaiter().GetResult())!.AsObject();
            var results = response["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
            Assert.Equal(caseList.Count, results.Count);
            return results;
        }
    }

    private static string FindHarnessDirectory()
    {
        var candidates = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "tests", "gramjs"));
        }

        var recorded = typeof(GramJsOracle).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GramJsHarnessDirectory")?.Value;
        if (recorded is not null)
        {
            candidates.Add(recorded);
        }

        var harness = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, Script)))
            ?? throw new InvalidOperationException($"tests/gramjs/{Script} not found (looked in: {string.Join(", ", candidates)}).");
        if (!Directory.Exists(Path.Combine(harness, "node_modules", "telegram")))
        {
            throw new InvalidOperationException($"GramJS is not installed: run `npm ci` in {harness} (the CI script does this).");
        }

        return harness;
    }
}
