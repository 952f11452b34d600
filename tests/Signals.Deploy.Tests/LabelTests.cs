using Signals.Deploy.Tests.Rendering;

namespace Signals.Deploy.Tests;

/// <summary>The recommended app.kubernetes.io labels, the same on every object and pod.</summary>
public sealed class LabelTests
{
    [Theory]
    [InlineData("dev", "signals-dev")]
    [InlineData("prod", "signals-prod-blue")]
    public async Task Every_object_and_pod_carries_the_shared_labels(string overlay, string instance)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var labelled = rendered.Objects.Where(o => K8s.Text(o, "kind") != "Namespace")
            .Select(o => (RenderedOverlay.Describe(o), K8s.Labels(o, "metadata.labels")))
            .Concat(rendered.PodTemplates().Select(t => ($"pods of {RenderedOverlay.Describe(t.Workload)}", K8s.Labels(t.Template, "metadata.labels"))));

        foreach (var (what, labels) in labelled)
        {
            Assert.True(labels.GetValueOrDefault("app.kubernetes.io/part-of") == "signals", $"{what}: part-of");
            Assert.True(labels.GetValueOrDefault("app.kubernetes.io/name") == "signals", $"{what}: name");
            Assert.True(labels.GetValueOrDefault("app.kubernetes.io/managed-by") == "kustomize", $"{what}: managed-by");
            Assert.True(labels.GetValueOrDefault("app.kubernetes.io/instance") == instance, $"{what}: instance");
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Workload_selectors_use_only_labels_that_never_change_and_match_their_pods(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        foreach (var (workload, template) in rendered.PodTemplates())
        {
            var selector = K8s.Labels(workload, "spec.selector.matchLabels");

            // A selector is immutable: an instance or version label in it would make the next apply fail.
            Assert.Equal(["app.kubernetes.io/component", "app.kubernetes.io/name"], selector.Keys.Order(StringComparer.Ordinal));
            Assert.True(K8s.Selects(selector, K8s.Labels(template, "metadata.labels")), RenderedOverlay.Describe(workload));
        }
    }
}
