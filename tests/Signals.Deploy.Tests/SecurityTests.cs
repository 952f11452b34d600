using System.Text.Json.Nodes;
using Signals.Deploy.Tests.Rendering;

namespace Signals.Deploy.Tests;

/// <summary>Every pod runs as the "restricted" Pod Security Standard asks, with /tmp as its only writable place.</summary>
public sealed class SecurityTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_container_runs_non_root_read_only_without_capabilities_under_the_default_seccomp_profile(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var templates = rendered.PodTemplates().ToList();
        Assert.Contains(templates, t => K8s.Text(t.Workload, "metadata.name") == RenderedOverlay.SiloDeployment);
        Assert.Contains(templates, t => K8s.Text(t.Workload, "metadata.name") == RenderedOverlay.RedisStatefulSet);

        foreach (var (workload, template) in templates)
        {
            var pod = K8s.Node(template, "spec.securityContext");
            foreach (var container in K8s.Array(template, "spec.containers").OfType<JsonObject>())
            {
                var where = $"{overlay} {RenderedOverlay.Describe(workload)} container {K8s.Text(container, "name")}";
                var own = K8s.Node(container, "securityContext");
                // A container's own setting wins over the pod's; either may carry it.
                bool? Effective(string field) => K8s.Flag(own, field) ?? K8s.Flag(pod, field);

                Assert.True(Effective("runAsNonRoot") == true, $"{where}: runAsNonRoot");
                Assert.True((K8s.Number(own, "runAsUser") ?? K8s.Number(pod, "runAsUser")) > 0, $"{where}: a numeric non-zero runAsUser");
                Assert.True(K8s.Flag(own, "readOnlyRootFilesystem") == true, $"{where}: readOnlyRootFilesystem");
                Assert.True(K8s.Flag(own, "allowPrivilegeEscalation") == false, $"{where}: allowPrivilegeEscalation false");
                Assert.Equal(["ALL"], K8s.Array(own, "capabilities.drop").Select(n => n!.ToString()));
                Assert.Empty(K8s.Array(own, "capabilities.add"));
                Assert.Equal("RuntimeDefault", K8s.Text(own, "seccompProfile.type") ?? K8s.Text(pod, "seccompProfile.type"));
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Tmp_is_a_size_limited_empty_dir_in_every_pod(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        foreach (var (workload, template) in rendered.PodTemplates())
        {
            var volumes = K8s.Array(template, "spec.volumes").OfType<JsonObject>().ToList();
            foreach (var container in K8s.Array(template, "spec.containers").OfType<JsonObject>())
            {
                var tmp = K8s.Array(container, "volumeMounts").OfType<JsonObject>().SingleOrDefault(m => K8s.Text(m, "mountPath") == "/tmp");
                Assert.True(tmp is not null, $"{overlay} {RenderedOverlay.Describe(workload)}: no /tmp mount");
                var volume = volumes.Single(v => K8s.Text(v, "name") == K8s.Text(tmp, "name"));
                Assert.NotNull(K8s.Text(volume, "emptyDir.sizeLimit"));
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task No_pod_gets_a_kubernetes_api_token(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var account = rendered.Single("ServiceAccount", "signals");

        Assert.Equal(false, K8s.Flag(account, "automountServiceAccountToken"));
        Assert.Empty(rendered.OfKind("Role").Concat(rendered.OfKind("RoleBinding")).Concat(rendered.OfKind("ClusterRoleBinding")));
        foreach (var (workload, template) in rendered.PodTemplates())
        {
            Assert.Equal("signals", K8s.Text(template, "spec.serviceAccountName"));
            Assert.True(K8s.Flag(template, "spec.automountServiceAccountToken") == false, RenderedOverlay.Describe(workload));
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_namespace_enforces_the_restricted_pod_security_standard(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var ns = Assert.Single(rendered.OfKind("Namespace"));
        var labels = K8s.Labels(ns, "metadata.labels");

        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"]);
        Assert.All(rendered.Objects.Where(o => K8s.Text(o, "kind") != "Namespace"),
            o => Assert.Equal(K8s.Text(ns, "metadata.name"), K8s.Text(o, "metadata.namespace")));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Silo_has_a_memory_limit_and_requests_for_scheduling(string overlay)
    {
        var silo = (await Overlays.RenderAsync(overlay)).SiloContainer();

        Assert.NotNull(K8s.Text(silo, "resources.requests.cpu"));
        Assert.NotNull(K8s.Text(silo, "resources.requests.memory"));
        Assert.NotNull(K8s.Text(silo, "resources.limits.memory"));
        // No CPU limit: CFS throttling stalls membership heartbeats and gets a healthy silo voted dead.
        Assert.Null(K8s.Node(silo, "resources.limits.cpu"));
    }
}
