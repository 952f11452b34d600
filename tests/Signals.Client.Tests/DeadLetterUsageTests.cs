using Signals.Client.Infrastructure;
using Signals.Client.Tests.Support;

namespace Signals.Client.Tests;

/// <summary>Bad <c>deadletters</c> command lines are refused before connecting (exit code 2).</summary>
public sealed class DeadLetterUsageTests
{
    [Theory]
    [InlineData("deadletters", "replay")]
    [InlineData("deadletters", "replay", "1718000000000-0", "--all")]
    [InlineData("deadletters", "replay", "not-an-id")]
    [InlineData("deadletters", "list", "--count", "0")]
    public async Task Malformed_dead_letter_command_is_a_usage_error(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--gateway", "1", "--connect-timeout", "1s"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error:", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }
}
