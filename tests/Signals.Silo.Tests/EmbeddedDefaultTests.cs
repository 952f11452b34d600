using System.Text.Json;
using Signals.Silo.Tests.Support;

namespace Signals.Silo.Tests;

/// <summary>The README's first command, as a process: the embedded default delivers alerts, and the CLI can see them.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task The_embedded_default_delivers_demo_alerts_that_the_cli_lists()
    {
        var gateway = FreePorts.Next();
        var environment = new Dictionary<string, string>
        {
            ["Orleans__Endpoints__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__Endpoints__GatewayPort"] = gateway.ToString(),
            ["Signals__Demo__PostsPerMinute"] = "240",
        };
        await using var silo = ProcessRunner.Start(BuiltPrograms.SiloDll, ["--urls", $"http://127.0.0.1:{FreePorts.Next()}"], environment);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!silo.StandardOutput.Contains("Alert chat received message", StringComparison.Ordinal))
        {
            Assert.False(silo.HasExited, "the silo exited: " + silo.StandardError);
            Assert.True(DateTime.UtcNow < deadline, "no alert arrived; silo output:\n" + silo.StandardOutput);
            await Task.Delay(250);
        }

        Assert.Contains("NOTHING IS DURABLE", silo.StandardOutput, StringComparison.Ordinal);

        await using var cli = ProcessRunner.Start(BuiltPrograms.CliDll, ["alerts", "list", "--json", "--gateway", gateway.ToString()]);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"exit {exitCode}: {cli.StandardError}");
        using var json = JsonDocument.Parse(cli.StandardOutput);
        Assert.Contains("\"delivered", cli.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.True(json.RootElement.ValueKind is JsonValueKind.Array or JsonValueKind.Object);
    }
}
