using Signals.Deploy.Tests.Rendering;

namespace Signals.Deploy.Tests;

/// <summary>A rolling rollout never runs below the desired silo count and never kills a silo mid-shutdown.</summary>
public sealed class RolloutTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Rollout_adds_a_silo_before_it_removes_one(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var deployment = rendered.Single("Deployment", RenderedOverlay.SiloDeployment);

        Assert.Equal("RollingUpdate", K8s.Text(deployment, "spec.strategy.type"));
        Assert.Equal(0, K8s.Number(deployment, "spec.strategy.rollingUpdate.maxUnavailable"));
        Assert.Equal(1, K8s.Number(deployment, "spec.strategy.rollingUpdate.maxSurge"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Grace_period_outlasts_the_prestop_sleep_plus_the_host_shutdown_timeout(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var deployment = rendered.Single("Deployment", RenderedOverlay.SiloDeployment);
        var silo = rendered.SiloContainer();

        var grace = K8s.Number(deployment, "spec.template.spec.terminationGracePeriodSeconds");
        var preStop = K8s.Number(silo, "lifecycle.preStop.sleep.seconds");
        // The .NET host bounds Orleans' graceful stop by HostOptions.ShutdownTimeout, which it reads from
        // DOTNET_shutdownTimeoutSeconds (host configuration); without it the default is 30 s.
        var shutdownText = K8s.EnvValue(silo, "DOTNET_shutdownTimeoutSeconds");

        Assert.NotNull(grace);
        Assert.NotNull(preStop);
        Assert.True(preStop >= 5, $"preStop sleeps {preStop} s: too short for endpoints to drain.");
        Assert.True(int.TryParse(shutdownText, out var shutdown) && shutdown >= 30,
            $"DOTNET_shutdownTimeoutSeconds is '{shutdownText}': Orleans needs time to hand grains and queues over.");
        Assert.True(grace > preStop + shutdown,
            $"terminationGracePeriodSeconds {grace} must exceed preStop {preStop} s + shutdown {shutdown} s, or the kubelet kills a silo mid-shutdown.");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task New_silo_counts_as_available_only_when_it_is_an_active_cluster_member(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var silo = rendered.SiloContainer();

        Assert.Equal("/health/ready", K8s.Text(silo, "readinessProbe.httpGet.path"));
        Assert.True(K8s.Number(rendered.Single("Deployment", RenderedOverlay.SiloDeployment), "spec.minReadySeconds") > 0);
    }

    [Fact]
    public async Task Prod_keeps_two_of_three_silos_through_voluntary_disruptions()
    {
        var rendered = await Overlays.RenderAsync("prod");
        var pdb = rendered.Single("PodDisruptionBudget", RenderedOverlay.SiloDeployment);
        var deployment = rendered.Single("Deployment", RenderedOverlay.SiloDeployment);

        Assert.Equal(3, K8s.Number(deployment, "spec.replicas"));
        Assert.Equal(2, K8s.Number(pdb, "spec.minAvailable"));
        Assert.Null(K8s.Node(pdb, "spec.maxUnavailable"));
        Assert.True(K8s.Selects(K8s.Labels(pdb, "spec.selector.matchLabels"), K8s.Labels(deployment, "spec.template.metadata.labels")));
    }

    [Fact]
    public async Task Dev_runs_one_silo_whose_budget_still_lets_a_node_drain()
    {
        var rendered = await Overlays.RenderAsync("dev");
        var pdb = rendered.Single("PodDisruptionBudget", RenderedOverlay.SiloDeployment);
        var deployment = rendered.Single("Deployment", RenderedOverlay.SiloDeployment);

        Assert.Equal(1, K8s.Number(deployment, "spec.replicas"));
        // minAvailable 1 with one replica would block every drain forever.
        Assert.Null(K8s.Node(pdb, "spec.minAvailable"));
        Assert.Equal(1, K8s.Number(pdb, "spec.maxUnavailable"));
        Assert.True(K8s.Selects(K8s.Labels(pdb, "spec.selector.matchLabels"), K8s.Labels(deployment, "spec.template.metadata.labels")));
    }
}
