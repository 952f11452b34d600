using Signals.Silo.Tests.Support;

namespace Signals.Silo.Tests;

/// <summary>The failure-detection settings are checked at start like every other key: a bad one names itself.</summary>
public sealed class MembershipSettingsTests
{
    [Theory]
    [InlineData("Orleans__Membership__ProbeTimeout", "00:00:00.050", "Orleans:Membership:ProbeTimeout")]
    [InlineData("Orleans__Membership__ProbeTimeout", "soon", "Orleans:Membership:ProbeTimeout")]
    [InlineData("Orleans__Membership__NumMissedProbesLimit", "0", "Orleans:Membership:NumMissedProbesLimit")]
    [InlineData("Orleans__Membership__NumVotesForDeathDeclaration", "eleven", "Orleans:Membership:NumVotesForDeathDeclaration")]
    [InlineData("Orleans__Membership__TableRefreshTimeout", "01:00:00", "Orleans:Membership:TableRefreshTimeout")]
    [InlineData("Orleans__Reminders__MinimumReminderPeriod", "00:00:00.100", "Orleans:Reminders:MinimumReminderPeriod")]
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
