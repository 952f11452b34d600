using System.Text.Json.Nodes;
using Signals.Deploy.Tests.Rendering;

namespace Signals.Deploy.Tests;

/// <summary>Redis keeps what it acknowledged: AOF on a persistent volume, no eviction, a password.</summary>
public sealed class RedisTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Redis_appends_every_write_to_a_file_synced_each_second(string overlay)
    {
        var args = Arguments((await Overlays.RenderAsync(overlay)).RedisContainer());

        Assert.Equal("yes", args["--appendonly"]);
        Assert.Equal("everysec", args["--appendfsync"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task A_full_redis_refuses_writes_instead_of_evicting_state(string overlay)
    {
        var redis = (await Overlays.RenderAsync(overlay)).RedisContainer();
        var args = Arguments(redis);

        Assert.Equal("noeviction", args["--maxmemory-policy"]);
        Assert.True(Bytes(args["--maxmemory"]) < Bytes(K8s.Text(redis, "resources.limits.memory")!),
            "maxmemory must stay under the container's memory limit, or the kernel kills Redis before Redis refuses a write.");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Redis_data_lives_on_a_claim_that_outlives_the_pod(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var statefulSet = rendered.Single("StatefulSet", RenderedOverlay.RedisStatefulSet);
        var redis = rendered.RedisContainer();
        var dir = Arguments(redis)["--dir"];
        var mount = K8s.Array(redis, "volumeMounts").OfType<JsonObject>().Single(m => K8s.Text(m, "mountPath") == dir);
        var claim = K8s.Array(statefulSet, "spec.volumeClaimTemplates").OfType<JsonObject>().Single();

        Assert.Equal(K8s.Text(claim, "metadata.name"), K8s.Text(mount, "name"));
        Assert.NotNull(K8s.Text(claim, "spec.resources.requests.storage"));
        Assert.Equal("Retain", K8s.Text(statefulSet, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"));
        Assert.Equal("redis", K8s.Labels(claim, "metadata.labels")["app.kubernetes.io/component"]);
    }

    [Fact]
    public async Task Prod_redis_volume_is_larger_than_dev()
    {
        static async Task<long> Storage(string overlay)
        {
            var set = (await Overlays.RenderAsync(overlay)).Single("StatefulSet", RenderedOverlay.RedisStatefulSet);
            return Bytes(K8s.Text(K8s.Array(set, "spec.volumeClaimTemplates")[0], "spec.resources.requests.storage")!);
        }

        Assert.True(await Storage("prod") > await Storage("dev"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Redis_requires_the_password_the_silos_connect_with(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var redis = rendered.RedisContainer();
        var silo = rendered.SiloContainer();

        Assert.Equal("$(REDIS_PASSWORD)", Arguments(redis)["--requirepass"]);
        Assert.Contains("password=$(REDIS_PASSWORD)", K8s.EnvValue(silo, "ConnectionStrings__Redis"), StringComparison.Ordinal);
        Assert.Equal(SecretRef(redis, "REDIS_PASSWORD"), SecretRef(silo, "REDIS_PASSWORD"));
    }

    private static (string?, string?) SecretRef(JsonObject container, string name)
    {
        var env = K8s.Env(container).Single(e => K8s.Text(e, "name") == name);
        return (K8s.Text(env, "valueFrom.secretKeyRef.name"), K8s.Text(env, "valueFrom.secretKeyRef.key"));
    }

    private static Dictionary<string, string> Arguments(JsonObject container)
    {
        var args = K8s.Array(container, "args").Select(a => a!.ToString()).ToList();
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            Assert.StartsWith("--", args[i], StringComparison.Ordinal);
            pairs.Add(args[i], args[i + 1]);
        }

        Assert.Equal(args.Count, pairs.Count * 2);
        return pairs;
    }

    // Kubernetes quantities (Mi, Gi) and Redis sizes (mb, gb: Redis reads both as powers of 1024).
    private static long Bytes(string quantity)
    {
        var lower = quantity.ToLowerInvariant();
        var (suffix, factor) = new[] { ("gi", 1L << 30), ("mi", 1L << 20), ("ki", 1L << 10), ("gb", 1L << 30), ("mb", 1L << 20), ("kb", 1L << 10) }
            .FirstOrDefault(s => lower.EndsWith(s.Item1, StringComparison.Ordinal), ("", 1L));
        return long.Parse(lower[..^suffix.Length], System.Globalization.CultureInfo.InvariantCulture) * factor;
    }
}
