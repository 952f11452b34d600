using System.Text.Json.Nodes;

namespace Signals.Deploy.Tests.Rendering;

/// <summary>Reads fields of rendered objects by dotted path (`spec.template.spec`), and the usual container details.</summary>
public static class K8s
{
    public static JsonNode? Node(JsonNode? root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node;
    }

    public static string? Text(JsonNode? root, string path) => Node(root, path)?.ToString();

    public static long? Number(JsonNode? root, string path) =>
        Node(root, path) is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    public static bool? Flag(JsonNode? root, string path) =>
        Node(root, path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static JsonArray Array(JsonNode? root, string path) => Node(root, path) as JsonArray ?? [];

    public static IReadOnlyDictionary<string, string> Labels(JsonNode? root, string path) =>
        (Node(root, path) as JsonObject ?? [])
            .ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? "", StringComparer.Ordinal);

    public static IEnumerable<JsonObject> Env(JsonObject container) => Array(container, "env").OfType<JsonObject>();

    /// <summary>The literal value of an env var (null when absent or taken from a reference).</summary>
    public static string? EnvValue(JsonObject container, string name) =>
        Env(container).Where(e => Text(e, "name") == name).Select(e => Text(e, "value")).SingleOrDefault();

    /// <summary>A container port's number, by the name probes and Services use.</summary>
    public static long PortNumber(JsonObject container, string nameOrNumber)
    {
        if (long.TryParse(nameOrNumber, out var number))
        {
            return number;
        }

        var port = Array(container, "ports").OfType<JsonObject>().SingleOrDefault(p => Text(p, "name") == nameOrNumber);
        Assert.True(port is not null, $"container {Text(container, "name")} has no port named '{nameOrNumber}'.");
        return Number(port, "containerPort")!.Value;
    }

    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
