using Signals.Silo.Tests.Support;

namespace Signals.Silo.Tests;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Orleans__Endpoints__SiloPort", "eleven", "Orleans:Endpoints:SiloPort")]
    [InlineData("Orleans__Endpoints__GatewayPort", "70000", "Orleans:Endpoints:GatewayPort")]
    [InlineData("Orleans__ClusterId", "blue green", "Orleans:ClusterId")]
    [InlineData("Orleans__Endpoints__AdvertisedIPAddress", "not-an-ip", "Orleans:Endpoints:AdvertisedIPAddress")]
    [InlineData("Signals__Demo__PostsPerMinute", "0", "Signals:Demo:PostsPerMinute")]
    [InlineData("Signals__Demo__Enabled", "perhaps", "Signals:Demo:Enabled")]
    [InlineData("Signals__Delivery__MinIntervalPerChat", "-00:00:01", "Signals:Delivery:MinIntervalPerChat")]
    [InlineData("Signals__Readers__HistoryPageSize", "5000", "Signals:Readers:HistoryPageSize")]
    [InlineData("Signals__Sessions__PumpInterval", "00:00:00", "Signals:Sessions:PumpInterval")]
    [InlineData("Signals__Rules__Default__0__Tiers__0__MinChannels", "0", "Signals:Rules:Default:0")]
    [InlineData("Signals__Telegram__Mode", "Carrier-Pigeon", "Signals:Telegram:Mode")]
    [InlineData("Signals__Telegram__Mode", "Telegram", "Signals:Telegram:ApiId")]
    [InlineData("Signals__Telegram__Mode", "Emulator", "Signals:Telegram:Emulator:Endpoint")]
    public async Task A_bad_value_stops_the_silo_with_a_message_naming_the_key(string variable, string value, string key)
    {
        var environment = new Dictionary<string, string>
        {
            [variable] = value,
            ["Signals__Demo__Enabled"] = variable == "Signals__Demo__Enabled" ? value : "false",
            ["Orleans__Endpoints__SiloPort"] = variable == "Orleans__Endpoints__SiloPort" ? value : FreePorts.Next().ToString(),
            ["Orleans__Endpoints__GatewayPort"] = variable == "Orleans__Endpoints__GatewayPort" ? value : FreePorts.Next().ToString(),
        };
        await using var silo = ProcessRunner.Start(BuiltPrograms.SiloDll, ["--urls", $"http://127.0.0.1:{FreePorts.Next()}"], environment);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, silo.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_api_hash_is_refused_without_being_shown()
    {
        const string hash = "secretsecretsecretsecretsecret!";
        var environment = new Dictionary<string, string>
        {
            ["Signals__Demo__Enabled"] = "false",
            ["Signals__Telegram__Mode"] = "TelegramTest",
            ["Signals__Telegram__ApiId"] = "12345",
            ["Signals__Telegram__ApiHash"] = hash,
            ["Orleans__Endpoints__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__Endpoints__GatewayPort"] = FreePorts.Next().ToString(),
        };
        await using var silo = ProcessRunner.Start(BuiltPrograms.SiloDll, ["--urls", $"http://127.0.0.1:{FreePorts.Next()}"], environment);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(2, exitCode);
        Assert.Contains("Signals:Telegram:ApiHash must be 32 hexadecimal characters", silo.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, silo.StandardError + silo.StandardOutput, StringComparison.Ordinal);
    }
}
