using Signals.Client.Commands;
using Signals.Client.Infrastructure;
using Signals.Client.Tests.Support.DeadLetters;

namespace Signals.Client.Tests;

/// <summary>With memory streams (the embedded default) there is no dead-letter stream: the CLI says so in one line.</summary>
public sealed class DeadLetterEmbeddedStreamsTests
{
    [Fact]
    public async Task Dead_letter_commands_on_memory_streams_answer_in_one_line_with_exit_code_1()
    {
        await using var cluster = await DeadLetterCluster.StartAsync(durable: false);

        var list = await cluster.RunAsync("deadletters", "list", "--json");
        var replay = await cluster.RunAsync("deadletters", "replay", "--all");

        foreach (var run in new[] { list, replay })
        {
            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            Assert.Equal("error: " + DeadLettersCommand.NotDurable, run.StdErr.TrimEnd());
            Assert.Empty(run.StdOut);
        }
    }
}
