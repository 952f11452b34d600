using System.Collections.Concurrent;

namespace Signals.Deploy.Tests.Rendering;

/// <summary>Renders each overlay once per test run with the `kubectl kustomize` the machine has.</summary>
public static class Overlays
{
    public const string KubectlHint =
        "The deploy tests render the manifests with `kubectl kustomize` and need kubectl 1.27 or newer (kustomize v5; " +
        "Debian 12's kubernetes-client 1.20 is too old).";

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Cache = new();

    public static Task<RenderedOverlay> RenderAsync(string overlay) =>
        Cache.GetOrAdd(overlay, o => new Lazy<Task<RenderedOverlay>>(() => RenderUncachedAsync(o))).Value;

    public static string DirectoryOf(string overlay) => Repository.PathOf($"deploy/k8s/overlays/{overlay}");

    private static async Task<RenderedOverlay> RenderUncachedAsync(string overlay)
    {
        var (exit, output, error) = await ExternalTool.RunAsync("kubectl", KubectlHint, Repository.Root, "kustomize", DirectoryOf(overlay));
        if (exit != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {overlay} failed ({exit}): {error}");
        }

        return new RenderedOverlay(overlay, YamlJson.ParseDocuments(output));
    }
}
