using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Signals.Deploy.Tests.Rendering;
using Signals.Deploy.Tests.Source;

namespace Signals.Deploy.Tests;

/// <summary>The silo's environment names keys the code reads, in an order Kubernetes can expand.</summary>
public sealed partial class ConfigurationTests
{
    /// <summary>Variables the .NET host, ASP.NET Core, OpenTelemetry or redis-cli (in Redis' probes) read themselves.</summary>
    private static readonly string[] FrameworkPrefixes = ["DOTNET_", "ASPNETCORE_", "OTEL_", "REDISCLI_"];

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_configuration_key_in_the_silo_environment_is_read_by_the_code(string overlay)
    {
        var silo = (await Overlays.RenderAsync(overlay)).SiloContainer();
        var siloKeys = SourceFacts.SiloSettingsKeys();
        var sections = SourceFacts.OptionsSections();

        var unread = K8s.Env(silo).Select(e => K8s.Text(e, "name")!)
            .Where(name => name.Contains("__", StringComparison.Ordinal))
            .Select(name => name.Replace("__", ":", StringComparison.Ordinal))
            .Where(key => !siloKeys.Contains(key) && !IsOptionsKey(key, sections))
            .ToList();

        Assert.True(unread.Count == 0, $"{overlay}: the silo reads none of: {string.Join(", ", unread)}");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_settings_the_silo_needs_in_a_cluster_are_all_set(string overlay)
    {
        var silo = (await Overlays.RenderAsync(overlay)).SiloContainer();
        var names = K8s.Env(silo).Select(e => K8s.Text(e, "name")!).ToHashSet(StringComparer.Ordinal);
        var siloKeys = SourceFacts.SiloSettingsKeys();

        foreach (var key in new[] { "ConnectionStrings:Redis", "Orleans:ClusterId", "Orleans:ServiceId", "Orleans:Endpoints:SiloPort", "Orleans:Endpoints:GatewayPort", "Orleans:Endpoints:AdvertisedIPAddress" })
        {
            Assert.Contains(key, siloKeys);
            Assert.Contains(key.Replace(":", "__", StringComparison.Ordinal), names);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_other_variable_is_a_framework_setting_or_feeds_one_that_is_read(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        foreach (var (workload, _) in rendered.PodTemplates())
        {
            foreach (var container in K8s.Array(workload, "spec.template.spec.containers").OfType<JsonObject>())
            {
                var referenced = References(container).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
                var dead = K8s.Env(container).Select(e => K8s.Text(e, "name")!)
                    .Where(n => !n.Contains("__", StringComparison.Ordinal) && !FrameworkPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
                    .Where(n => !referenced.Contains(n))
                    .ToList();
                Assert.True(dead.Count == 0, $"{overlay} {RenderedOverlay.Describe(workload)}: nothing uses {string.Join(", ", dead)}");
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Each_variable_reference_names_a_variable_defined_before_it(string overlay)
    {
        // Kubernetes expands $(NAME) only from variables earlier in the list; anything else stays literal text,
        // which would advertise "$(POD_IP)" as an address or send "$(REDIS_PASSWORD)" as a password.
        var rendered = await Overlays.RenderAsync(overlay);
        foreach (var (workload, _) in rendered.PodTemplates())
        {
            foreach (var container in K8s.Array(workload, "spec.template.spec.containers").OfType<JsonObject>())
            {
                var names = K8s.Env(container).Select(e => K8s.Text(e, "name")!).ToList();
                foreach (var (name, position) in References(container))
                {
                    var defined = names.IndexOf(name);
                    Assert.True(defined >= 0 && defined < position,
                        $"{overlay} {RenderedOverlay.Describe(workload)}: $({name}) is used at env #{position} but defined at #{defined}.");
                }
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Silo_advertises_its_pod_ip_from_the_downward_api(string overlay)
    {
        var silo = (await Overlays.RenderAsync(overlay)).SiloContainer();
        var podIp = K8s.Env(silo).Single(e => K8s.Text(e, "name") == "POD_IP");

        Assert.Equal("status.podIP", K8s.Text(podIp, "valueFrom.fieldRef.fieldPath"));
        Assert.Equal("$(POD_IP)", K8s.EnvValue(silo, "Orleans__Endpoints__AdvertisedIPAddress"));
        foreach (var (name, field) in new[] { ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace") })
        {
            Assert.Equal(field, K8s.Text(K8s.Env(silo).Single(e => K8s.Text(e, "name") == name), "valueFrom.fieldRef.fieldPath"));
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Orleans_ports_in_the_environment_are_the_ports_the_container_opens(string overlay)
    {
        var silo = (await Overlays.RenderAsync(overlay)).SiloContainer();

        Assert.Equal(long.Parse(K8s.EnvValue(silo, "Orleans__Endpoints__SiloPort")!), K8s.PortNumber(silo, "silo"));
        Assert.Equal(long.Parse(K8s.EnvValue(silo, "Orleans__Endpoints__GatewayPort")!), K8s.PortNumber(silo, "gateway"));
    }

    [Fact]
    public async Task Prod_cluster_id_carries_a_colour_and_keeps_the_shared_service_id()
    {
        var prod = await Overlays.RenderAsync("prod");
        var dev = await Overlays.RenderAsync("dev");
        var clusterId = prod.EnvResolved(prod.SiloContainer(), "Orleans__ClusterId")!;

        Assert.Matches(ValidOrleansId(), clusterId);
        Assert.True(clusterId.EndsWith("-blue", StringComparison.Ordinal) || clusterId.EndsWith("-green", StringComparison.Ordinal), clusterId);
        Assert.NotEqual(dev.EnvResolved(dev.SiloContainer(), "Orleans__ClusterId"), clusterId);
        Assert.Equal(1, K8s.Env(prod.SiloContainer()).Count(e => K8s.Text(e, "name") == "Orleans__ClusterId"));
        Assert.Equal(dev.EnvResolved(dev.SiloContainer(), "Orleans__ServiceId"), prod.EnvResolved(prod.SiloContainer(), "Orleans__ServiceId"));
        Assert.Matches(ValidOrleansId(), prod.EnvResolved(prod.SiloContainer(), "Orleans__ServiceId")!);
    }

    [Fact]
    public async Task Cli_pod_joins_the_cluster_the_silos_form_through_the_variables_the_cli_reads()
    {
        var dev = await Overlays.RenderAsync("dev");
        var cli = dev.CliContainer();
        var silo = dev.SiloContainer();
        var cliReads = CliEnvironmentConstant().Matches(Repository.ReadText("Client/Infrastructure/GlobalOptions.cs"))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotNull(cli);
        foreach (var name in K8s.Env(cli).Select(e => K8s.Text(e, "name")!).Where(n => n.Contains("__", StringComparison.Ordinal)))
        {
            Assert.Contains(name, cliReads);
            Assert.Equal(dev.EnvResolved(silo, name), dev.EnvResolved(cli, name));
        }

        Assert.Equal(cliReads.Order(StringComparer.Ordinal), K8s.Env(cli).Select(e => K8s.Text(e, "name")!).Where(cliReads.Contains).Order(StringComparer.Ordinal));
    }

    private static bool IsOptionsKey(string key, IReadOnlyDictionary<string, IReadOnlySet<string>> sections) =>
        sections.Any(s => key.StartsWith(s.Key + ":", StringComparison.OrdinalIgnoreCase)
            && s.Value.Contains(key[(s.Key.Length + 1)..].Split(':')[0]));

    private static IEnumerable<(string Name, int Position)> References(JsonObject container)
    {
        var env = K8s.Env(container).ToList();
        for (var i = 0; i < env.Count; i++)
        {
            foreach (Match m in VariableReference().Matches(K8s.Text(env[i], "value") ?? ""))
            {
                yield return (m.Groups[1].Value, i);
            }
        }

        // Arguments may use any variable of the container (they are expanded after the whole list).
        foreach (var arg in K8s.Array(container, "args").Concat(K8s.Array(container, "command")))
        {
            foreach (Match m in VariableReference().Matches(arg?.ToString() ?? ""))
            {
                yield return (m.Groups[1].Value, env.Count);
            }
        }
    }

    [GeneratedRegex("EnvironmentVariable = \"([A-Za-z0-9_]+)\";")]
    private static partial Regex CliEnvironmentConstant();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();

    // The rule SiloSettings applies to Orleans:ClusterId and Orleans:ServiceId.
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ValidOrleansId();
}
