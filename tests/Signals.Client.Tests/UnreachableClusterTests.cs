using Signals.Client.Infrastructure;
using Signals.Client.Tests.Support;

namespace Signals.Client.Tests;

/// <summary>With nothing listening, every cluster command ends with exit code 3 and one line that says where it looked.</summary>
public sealed class UnreachableClusterTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("sessions", "list")]
    [InlineData("channels", "list")]
    [InlineData("alerts", "list", "--pending")]
    [InlineData("tail", "--count", "1")]
    public async Task Gateway_with_nothing_listening_gives_exit_code_3_and_a_one_line_message(params string[] command)
    {
        var port = UnusedPort.Next();

        var run = await CliRun.RunAsync([.. command, "--gateway", port.ToString(), "--connect-timeout", "20s"]);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Empty(run.StdOut);
        var line = Assert.Single(run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Cannot reach the Signals cluster", line, StringComparison.Ordinal);
        Assert.Contains($"localhost:{port}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stack_trace_is_printed_only_with_verbose()
    {
        var port = UnusedPort.Next().ToString();

        var quiet = await CliRun.RunAsync("status", "--gateway", port);
        var verbose = await CliRun.RunAsync("status", "--gateway", port, "--verbose");

        Assert.DoesNotContain("   at ", quiet.StdErr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Unreachable, verbose.ExitCode);
        Assert.Contains("   at ", verbose.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_connection_string_from_the_environment_selects_redis_clustering()
    {
        var port = UnusedPort.Next();
        var io = new TestConsoleIO(environment: new Dictionary<string, string>
        {
            [GlobalOptions.RedisEnvironmentVariable] = $"127.0.0.1:{port},password=hunter2,connectTimeout=500",
            [GlobalOptions.ClusterIdEnvironmentVariable] = "blue",
        });

        var run = await CliRun.RunAsync(io, "status", "--connect-timeout", "20s");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains($"Redis clustering at 127.0.0.1:{port}", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("cluster id 'blue'", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explicit_gateway_wins_over_redis_from_the_environment()
    {
        var port = UnusedPort.Next();
        var io = new TestConsoleIO(environment: new Dictionary<string, string>
        {
            [GlobalOptions.RedisEnvironmentVariable] = "127.0.0.1:1",
        });

        var run = await CliRun.RunAsync(io, "status", "--gateway", port.ToString());

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains($"gateway localhost:{port}", run.StdErr, StringComparison.Ordinal);
    }
}
