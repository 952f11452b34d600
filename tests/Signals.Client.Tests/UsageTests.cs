using Signals.Client.Infrastructure;
using Signals.Client.Tests.Support;

namespace Signals.Client.Tests;

/// <summary>Bad command lines are refused before anything is attempted: exit code 2 and a message on standard error.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task Unknown_command_exits_with_usage_code_and_names_the_word()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'frobnicate'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("signals --help", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    [Fact]
    public async Task No_command_at_all_is_a_usage_error()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error:", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_option_is_a_usage_error_that_points_at_the_subcommand_help()
    {
        var run = await CliRun.RunAsync("channels", "add", "somecalls");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--session", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("signals channels add --help", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules", "set", "main", "--tiers", "3/10m,2/1h")]
    [InlineData("rules", "set", "main", "--tiers", "three/10m")]
    [InlineData("rules", "set", "main", "--tiers", "3/10m", "--cooldown", "soon")]
    [InlineData("rules", "set", "main", "--tiers", "3/10m", "--weight", "alpha")]
    [InlineData("status", "--gateway", "70000")]
    [InlineData("status", "--connect-timeout", "0s")]
    [InlineData("tail", "--count", "0")]
    [InlineData("tokens", "show", "solana:not-an-address")]
    [InlineData("tokens", "show", "ton:7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr")]
    [InlineData("channels", "add", "two words", "--session", "r1")]
    [InlineData("channels", "add", "somecalls", "--session", "r1", "--from", "-5")]
    [InlineData("sessions", "show", "bad name!")]
    [InlineData("parse", "--jsonl", "--link", "https://x.example")]
    public async Task Invalid_values_are_refused_with_usage_code_before_connecting(params string[] args)
    {
        // Every case would otherwise try the default gateway; a usage error must come first, without a connection attempt.
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error:", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot reach", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_zero_and_lists_every_command_group()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var group in (string[])["status", "sessions", "channels", "destinations", "rules", "tokens", "alerts", "tail", "parse"])
        {
            Assert.Contains(group, run.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task At_sign_names_a_channel_not_a_response_file()
    {
        // Accepted by the parser, so the run gets as far as connecting (to a port where nothing listens).
        var run = await CliRun.RunAsync("channels", "add", "@somecalls", "--session", "reader-1", "--gateway", UnusedPort.Next().ToString());

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.DoesNotContain("Response file", run.StdErr, StringComparison.Ordinal);
    }
}
