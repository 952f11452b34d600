using System.Text.Json.Nodes;

namespace Signals.Deploy.Tests.Rendering;

/// <summary>The objects `kubectl kustomize` renders for one overlay, with finders for the ones the tests inspect.</summary>
public sealed class RenderedOverlay(string name, IReadOnlyList<JsonObject> objects)
{
    public const string SiloDeployment = "signals-silo";
    public const string RedisStatefulSet = "signals-redis";

    public string Name { get; } = name;

    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => K8s.Text(o, "kind") == kind);

    public JsonObject Single(string kind, string name)
    {
        var matches = OfKind(kind).Where(o => K8s.Text(o, "metadata.name") == name).ToList();
        Assert.True(matches.Count == 1, $"{Name}: expected one {kind} named {name}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>Every workload with its pod template (Deployments and StatefulSets).</summary>
    public IEnumerable<(JsonObject Workload, JsonObject Template)> PodTemplates() =>
        Objects.Where(o => K8s.Text(o, "kind") is "Deployment" or "StatefulSet")
            .Select(o => (o, (JsonObject)K8s.Node(o, "spec.template")!));

    public JsonObject SiloContainer() => Container(Single("Deployment", SiloDeployment), "silo");

    public JsonObject? CliContainer() =>
        OfKind("Deployment").Where(d => K8s.Text(d, "metadata.name") == "signals-cli").Select(d => Container(d, "cli")).SingleOrDefault();

    /// <summary>An env var's value as the pod sees it: a literal, or the ConfigMap key it references.</summary>
    public string? EnvResolved(JsonObject container, string name)
    {
        var env = K8s.Env(container).Single(e => K8s.Text(e, "name") == name);
        if (K8s.Node(env, "valueFrom.configMapKeyRef") is { } reference)
        {
            var map = Single("ConfigMap", K8s.Text(reference, "name")!);
            return (K8s.Node(map, "data") as JsonObject)?[K8s.Text(reference, "key")!]?.ToString();
        }

        return K8s.Text(env, "value");
    }

    public JsonObject RedisContainer() => Container(Single("StatefulSet", RedisStatefulSet), "redis");

    public static JsonObject Container(JsonObject workload, string name) =>
        K8s.Array(workload, "spec.template.spec.containers").OfType<JsonObject>().Single(c => K8s.Text(c, "name") == name);

    public static string Describe(JsonObject o) => $"{K8s.Text(o, "kind")}/{K8s.Text(o, "metadata.name")}";
}
