using Signals.Testing.Processes;

namespace Signals.Silo.Tests.MultiProcess;

/// <summary>
/// Signals as it runs in production, on one machine: silo processes in Redis mode whose sessions speak MTProto to a
/// standalone emulator, set up with the CLI (a real code login) and fed through the emulator's admin API.
/// </summary>
public sealed class MultiProcessTests(MultiProcessFixture fixture) : IClassFixture<MultiProcessFixture>
{
    private ProcessCluster Cluster => fixture.Cluster;

    private ProcessSetup Setup => fixture.Setup;

    [Fact]
    public async Task Calls_in_three_channels_raise_one_alert_that_reaches_the_destination_chat_once()
    {
        var address = TokenCalls.Address(7101);

        await PostCallEverywhereAsync(address);

        await WaitDeliveredOnceAsync(address);
        await AssertNoKeyWasLiveTwiceAsync();
    }

    [Fact]
    public async Task A_paused_silo_loses_its_session_to_another_silo_and_steps_down_when_it_continues()
    {
        var host = await HostOfReaderAsync();
        var paused = false;
        try
        {
            host.Pause();
            paused = true;

            // Nobody but this poll calls the reader: once the paused silo is declared dead, the call activates the session
            // on a live silo, which connects only after the paused owner's lease expired (plus the safety margin).
            await Poll.UntilAsync(
                async () => await Cluster.SessionAsync(Setup.ReaderSession) is { State: "connected" } view && !host.Is(view.Silo),
                "the reader is connected on another silo while its old silo is paused",
                Cluster.DiagnosticsAsync);
            await AssertNoKeyWasLiveTwiceAsync();

            // The new owner reads: a call made while the old silo is still paused becomes an alert.
            var duringPause = TokenCalls.Address(7201);
            await PostCallEverywhereAsync(duringPause);
            await WaitDeliveredOnceAsync(duringPause);

            host.Resume();
            paused = false;

            // The old activation wakes with an expired lease: it must drop its connection and step down by itself (or its
            // silo, told it was declared dead, ends), never resume work on the connection.
            await Poll.UntilAsync(
                () => Task.FromResult(host.HasExited || host.Process.Output.Contains($"Session {Setup.ReaderSession} lost its lease", StringComparison.Ordinal)),
                "the resumed silo's old activation stepped down or its silo ended",
                Cluster.DiagnosticsAsync);

            var afterResume = TokenCalls.Address(7301);
            await PostCallEverywhereAsync(afterResume);
            await WaitDeliveredOnceAsync(afterResume);
            Assert.Equal(1, await Cluster.CountMessagesAsync(Setup.DestinationChat, duringPause));
            await AssertNoKeyWasLiveTwiceAsync();
        }
        finally
        {
            if (paused)
            {
                host.Resume();
            }
        }
    }

    private async Task<SiloProcess> HostOfReaderAsync()
    {
        SiloProcess? host = null;
        await Poll.UntilAsync(
            async () => (host = await Cluster.HostOfAsync(Setup.ReaderSession)) is not null
                && (await Cluster.SessionAsync(Setup.ReaderSession)).State == "connected",
            "the reader is connected on a known silo",
            Cluster.DiagnosticsAsync);
        return host!;
    }

    private async Task PostCallEverywhereAsync(string address)
    {
        foreach (var channel in Setup.Channels)
        {
            await Cluster.Admin.PostAsync(channel, TokenCalls.Post(address));
        }
    }

    /// <summary>Waits until the destination's outbox delivered the token's alert and holds nothing pending, then counts.</summary>
    private async Task WaitDeliveredOnceAsync(string address)
    {
        await Poll.UntilAsync(
            async () =>
            {
                var list = (await Cluster.Cli.RunAsync("alerts", "list", "--destination", Setup.Destination, "--json")).EnsureSuccess();
                using var json = list.Json();
                var alerts = json.RootElement.EnumerateArray().ToList();
                var mine = alerts.Where(a => a.GetProperty("tokenKey").GetString()!.Contains(address, StringComparison.Ordinal)).ToList();
                return mine.Count > 0 && alerts.All(a => a.GetProperty("status").GetString() == "delivered");
            },
            $"the alert for {address} is delivered and nothing is pending",
            Cluster.DiagnosticsAsync);

        var list = (await Cluster.Cli.RunAsync("alerts", "list", "--destination", Setup.Destination, "--json")).EnsureSuccess();
        using var json = list.Json();
        Assert.Single(json.RootElement.EnumerateArray(), a => a.GetProperty("tokenKey").GetString()!.Contains(address, StringComparison.Ordinal));
        Assert.Equal(1, await Cluster.CountMessagesAsync(Setup.DestinationChat, address));
    }

    private async Task AssertNoKeyWasLiveTwiceAsync()
    {
        var counters = await Cluster.Admin.CountersAsync();
        Assert.True(counters.AuthKeyDuplicated == 0, "AUTH_KEY_DUPLICATED: " + counters.Raw);
        Assert.True(counters.SessionOverlaps == 0, "a session was live twice: " + counters.Raw);
    }
}
