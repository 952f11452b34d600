using Signals.Deploy.Tests.Rendering;
using Signals.Deploy.Tests.Source;

namespace Signals.Deploy.Tests;

/// <summary>Probes and scrape annotations point at endpoints the silo actually serves, on the port it listens on.</summary>
public sealed class ProbeTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Each_probe_targets_a_health_endpoint_the_silo_maps(string overlay)
    {
        var silo = (await Overlays.RenderAsync(overlay)).SiloContainer();
        var mapped = SourceFacts.HealthPaths();

        foreach (var (probe, expected) in new[] { ("startupProbe", "/health/startup"), ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live") })
        {
            var path = K8s.Text(silo, $"{probe}.httpGet.path");
            Assert.Equal(expected, path);
            Assert.Contains(path!, mapped);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Probes_and_metrics_use_the_port_kestrel_listens_on(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var silo = rendered.SiloContainer();
        var kestrelPort = long.Parse(K8s.EnvValue(silo, "ASPNETCORE_HTTP_PORTS")!);
        var template = K8s.Node(rendered.Single("Deployment", RenderedOverlay.SiloDeployment), "spec.template");

        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal(kestrelPort, K8s.PortNumber(silo, K8s.Text(silo, $"{probe}.httpGet.port")!));
        }

        var annotations = K8s.Labels(template, "metadata.annotations");
        Assert.Equal(kestrelPort.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
        Assert.Equal(SourceFacts.MetricsPath(), annotations["prometheus.io/path"]);
    }

    [Fact]
    public async Task Redis_is_live_while_it_loads_and_ready_only_when_it_answers()
    {
        var redis = (await Overlays.RenderAsync("prod")).RedisContainer();

        Assert.NotNull(K8s.Node(redis, "livenessProbe.tcpSocket"));
        Assert.NotNull(K8s.Node(redis, "startupProbe.tcpSocket"));
        var readiness = string.Join(' ', K8s.Array(redis, "readinessProbe.exec.command").Select(n => n!.ToString()));
        Assert.Contains("ping", readiness, StringComparison.Ordinal);
        Assert.Contains("PONG", readiness, StringComparison.Ordinal);
    }
}
