using System.Diagnostics;
using System.Globalization;

namespace Signals.Benchmarks.Streams;

/// <summary>
/// Raw XADD on the same redis-server, through the stock <c>redis-benchmark</c>: 1 KB field values, like the events.
/// </summary>
public static class RedisBenchmarkTool
{
    public sealed record Result(string Command, double RequestsPerSecond, double P50Ms, double P99Ms);

    public static async Task<Result> XaddAsync(int port, int clients, int requests, int pipeline)
    {
        // -x: the last argument (the 1 KB value) comes from standard input, so the command line stays short.
        var arguments = $"-p {port} -c {clients} -n {requests} -P {pipeline} --csv -x XADD bench:raw * f";
        var start = new ProcessStartInfo("redis-benchmark", arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-benchmark did not start.");
        await process.StandardInput.WriteAsync(new string('x', 1024));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-benchmark failed: {await process.StandardError.ReadToEndAsync()}");
        }

        // CSV: "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        var row = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var fields = row.Split("\",\"").Select(f => f.Trim('"', '\r')).ToArray();
        double At(int fromEnd) => double.Parse(fields[^fromEnd], CultureInfo.InvariantCulture);
        return new Result($"redis-benchmark {arguments} (value: 1024 bytes on stdin)", At(7), At(4), At(2));
    }
}
