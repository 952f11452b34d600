using System.ComponentModel;
using System.Diagnostics;

namespace Signals.Telegram.Tl.Tests.Support;

// Inside the namespace: generated TL types (JsonObject, JsonArray) in the parent namespace would shadow these.
using System.Text.Json.Nodes;

/// <summary>Runs tests/gramjs/tl-oracle.js once for a batch of object descriptions.</summary>
internal static class GramJsOracle
{
    public static async Task<IReadOnlyList<OracleResult>> SerializeAsync(IReadOnlyList<JsonObject> descriptions)
    {
        var directory = RepositoryPaths.GramJsDirectory;
        var start = new ProcessStartInfo("node", "tl-oracle.js")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("`node` is not on PATH; the GramJS oracle needs Node.js.", ex);
        }

        using (process)
        {
            var request = new JsonObject { ["cases"] = new JsonArray(descriptions.Select(d => (JsonNode)d.DeepClone()).ToArray()) };
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(request.ToJsonString());
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tl-oracle.js exited with {process.ExitCode}: {await stderr}");
            }

            var results = JsonNode.Parse(output)!["results"]!.AsArray();
            return results
                .Select(r => new OracleResult(r!["hex"]?.GetValue<string>(), r["error"]?.GetValue<string>()))
                .ToList();
        }
    }
}
