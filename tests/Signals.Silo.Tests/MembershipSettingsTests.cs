using Signals.Silo.Tests.Support;

namespace Signals.Silo.Tests;

/// <summary>The failure-detection settings are checked at start like every other key: a bad one names itself.</summary>
public sealed class MembershipSettingsTests
{
    [Fact]
    public async Task Every_failure_detection_key_set_to_a_good_value_lets_the_silo_start()
    {
        var http = FreePorts.Next();
        var environment = new Dictionary<string, string>
        {
            ["Orleans__Membership__ProbeTimeout"] = "00:00:02",
            ["Orleans__Membership__NumMissedProbesLimit"] = "3",
            ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
            ["Orleans__Membership__TableRefreshTimeout"] = "00:00:05",
            ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:30",
            ["Signals__Reminders__MinimumReminderPeriod"] = "00:00:02",
            ["Signals__Demo__Enabled"] = "false",
            ["Orleans__Endpoints__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__Endpoints__GatewayPort"] = FreePorts.Next().ToString(),
        };
        await using var silo = ProcessRunner.Start(BuiltPrograms.SiloDll, ["--urls", $"http://127.0.0.1:{http}"], environment);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            Assert.False(silo.HasExited, "the silo exited: " + silo.StandardError);
            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{http}/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A slow answer on a loaded machine.
            }

            Assert.True(DateTime.UtcNow < deadline, "the silo did not become ready: " + silo.StandardError);
            await Task.Delay(250);
        }
    }

    [Theory]
    [InlineData("Orleans__Membership__ProbeTimeout", "00:00:00.050", "Orleans:Membership:ProbeTimeout")]
    [InlineData("Orleans__Membership__ProbeTimeout", "soon", "Orleans:Membership:ProbeTimeout")]
    [InlineData("Orleans__Membership__NumMissedProbesLimit", "0", "Orleans:Membership:NumMissedProbesLimit")]
    [InlineData("Orleans__Membership__NumVotesForDeathDeclaration", "eleven", "Orleans:Membership:NumVotesForDeathDeclaration")]
    [InlineData("Orleans__Membership__TableRefreshTimeout", "01:00:00", "Orleans:Membership:TableRefreshTimeout")]
    [InlineData("Signals__Reminders__MinimumReminderPeriod", "00:00:00.100", "Signals:Reminders:MinimumReminderPeriod")]
    [InlineData("Signals__Sessions__WatchdogPeriod", "00:00:00.500", "Signals:Sessions:WatchdogPeriod")]
    public async Task A_bad_failure_detection_value_stops_the_silo_with_a_message_naming_the_key(string variable, string value, string key)
    {
        var environment = new Dictionary<string, string>
        {
            [variable] = value,
            ["Signals__Demo__Enabled"] = "false",
            ["Orleans__Endpoints__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__Endpoints__GatewayPort"] = FreePorts.Next().ToString(),
        };
        await using var silo = ProcessRunner.Start(BuiltPrograms.SiloDll, ["--urls", $"http://127.0.0.1:{FreePorts.Next()}"], environment);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(2, exitCode);
        Assert.Contains(key, silo.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.StandardError, StringComparison.Ordinal);
    }
}
