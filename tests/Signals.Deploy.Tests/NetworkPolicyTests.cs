using System.Text.Json.Nodes;
using Signals.Deploy.Tests.Rendering;

namespace Signals.Deploy.Tests;

/// <summary>The network rules open exactly the ports the pods listen on, to the pods that need them.</summary>
public sealed class NetworkPolicyTests
{
    private static readonly Dictionary<string, string> Silos = new() { ["app.kubernetes.io/name"] = "signals", ["app.kubernetes.io/component"] = "silo" };
    private static readonly Dictionary<string, string> Cli = new() { ["app.kubernetes.io/name"] = "signals", ["app.kubernetes.io/component"] = "cli" };

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_pod_is_covered_by_an_ingress_policy(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        foreach (var (workload, template) in rendered.PodTemplates())
        {
            Assert.True(Policies(rendered, K8s.Labels(template, "metadata.labels")).Any(),
                $"{overlay}: no NetworkPolicy selects {RenderedOverlay.Describe(workload)}, so anything may reach it.");
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_port_a_policy_opens_is_one_its_pods_listen_on(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        foreach (var policy in rendered.OfKind("NetworkPolicy"))
        {
            var selector = K8s.Labels(policy, "spec.podSelector.matchLabels");
            var selected = rendered.PodTemplates().Where(t => K8s.Selects(selector, K8s.Labels(t.Template, "metadata.labels"))).ToList();
            Assert.True(selected.Count > 0, $"{overlay}: NetworkPolicy {K8s.Text(policy, "metadata.name")} selects no pods.");
            var listening = selected.SelectMany(t => K8s.Array(t.Template, "spec.containers").OfType<JsonObject>())
                .SelectMany(c => K8s.Array(c, "ports").OfType<JsonObject>().Select(p => K8s.Number(p, "containerPort")))
                .ToHashSet();
            foreach (var port in IngressRules(policy).SelectMany(r => K8s.Array(r, "ports").OfType<JsonObject>()))
            {
                Assert.Contains(K8s.Number(port, "port"), listening);
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Silos_reach_each_other_clients_reach_the_gateway_and_prometheus_the_metrics(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var silo = rendered.SiloContainer();
        var siloLabels = K8s.Labels(rendered.Single("Deployment", RenderedOverlay.SiloDeployment), "spec.template.metadata.labels");

        Assert.True(Allows(rendered, siloLabels, Silos, K8s.PortNumber(silo, "silo")), "silo to silo");
        Assert.True(Allows(rendered, siloLabels, Cli, K8s.PortNumber(silo, "gateway")), "CLI to gateway");
        Assert.True(Allows(rendered, siloLabels, new() { ["app.kubernetes.io/name"] = "prometheus" }, K8s.PortNumber(silo, "http")), "Prometheus to /metrics");
        // The cluster port is for silos only.
        Assert.False(Allows(rendered, siloLabels, Cli, K8s.PortNumber(silo, "silo")), "CLI must not reach the silo-to-silo port");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Only_signals_pods_reach_redis(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var redisLabels = K8s.Labels(rendered.Single("StatefulSet", RenderedOverlay.RedisStatefulSet), "spec.template.metadata.labels");
        var redisPort = K8s.PortNumber(rendered.RedisContainer(), "redis");

        Assert.True(Allows(rendered, redisLabels, Silos, redisPort), "silos to Redis");
        Assert.True(Allows(rendered, redisLabels, Cli, redisPort), "CLI to Redis (gateway discovery)");
        Assert.False(Allows(rendered, redisLabels, new() { ["app.kubernetes.io/name"] = "prometheus" }, redisPort), "others to Redis");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_service_port_lands_on_a_port_its_pods_open(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        foreach (var service in rendered.OfKind("Service"))
        {
            var selector = K8s.Labels(service, "spec.selector");
            var containers = rendered.PodTemplates().Where(t => K8s.Selects(selector, K8s.Labels(t.Template, "metadata.labels")))
                .SelectMany(t => K8s.Array(t.Template, "spec.containers").OfType<JsonObject>()).ToList();
            Assert.True(containers.Count > 0, $"{overlay}: Service {K8s.Text(service, "metadata.name")} selects no pods.");
            foreach (var port in K8s.Array(service, "spec.ports").OfType<JsonObject>())
            {
                var target = K8s.Text(port, "targetPort")!;
                Assert.Contains(containers, c => K8s.Array(c, "ports").OfType<JsonObject>()
                    .Any(p => K8s.Text(p, "name") == target || K8s.Text(p, "containerPort") == target));
            }
        }
    }

    private static IEnumerable<JsonObject> Policies(RenderedOverlay rendered, IReadOnlyDictionary<string, string> podLabels) =>
        rendered.OfKind("NetworkPolicy").Where(p => K8s.Selects(K8s.Labels(p, "spec.podSelector.matchLabels"), podLabels));

    private static IEnumerable<JsonObject> IngressRules(JsonObject policy) => K8s.Array(policy, "spec.ingress").OfType<JsonObject>();

    /// <summary>Whether a pod with <paramref name="from"/> labels (in any namespace) may open <paramref name="port"/> on the target pods.</summary>
    private static bool Allows(RenderedOverlay rendered, IReadOnlyDictionary<string, string> target, Dictionary<string, string> from, long port) =>
        Policies(rendered, target).SelectMany(IngressRules).Any(rule =>
            K8s.Array(rule, "ports").OfType<JsonObject>().Any(p => K8s.Number(p, "port") == port)
            && K8s.Array(rule, "from").OfType<JsonObject>().Any(peer => K8s.Selects(K8s.Labels(peer, "podSelector.matchLabels"), from)));
}
