using System.Text.Json.Nodes;
using Signals.Deploy.Tests.Rendering;

namespace Signals.Deploy.Tests;

/// <summary>The rendered objects are valid Kubernetes API objects (types, required fields) by the API's own schemas.</summary>
public sealed class SchemaTests
{
    private const string ValidatorFolder = "tests/k8s-validate";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_rendered_object_validates_against_the_kubernetes_schemas(string overlay)
    {
        var rendered = await Overlays.RenderAsync(overlay);
        var folder = Repository.PathOf(ValidatorFolder);
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "kubernetes-models")),
            $"kubernetes-models is not installed: run `npm ci` in {ValidatorFolder} (test.sh does it on a fresh machine).");

        var input = Path.Combine(Path.GetTempPath(), $"signals-deploy-{overlay}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, new JsonArray(rendered.Objects.Select(o => o.DeepClone()).ToArray()).ToJsonString());
        try
        {
            var (exit, output, error) = await ExternalTool.RunAsync("node", "Install Node.js (apt-get install nodejs).", folder, "validate.mjs", input);

            Assert.True(exit == 0, $"{overlay}: {output}{error}");
            Assert.Contains($"{rendered.Objects.Count} valid, 0 invalid", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task The_validator_rejects_a_malformed_object()
    {
        // Guards the guard: a validator that accepted everything would make the test above meaningless.
        var rendered = await Overlays.RenderAsync("dev");
        var broken = (JsonObject)rendered.Single("Deployment", RenderedOverlay.SiloDeployment).DeepClone();
        broken["spec"]!["replicas"] = "three";
        var input = Path.Combine(Path.GetTempPath(), $"signals-deploy-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, new JsonArray(broken).ToJsonString());
        try
        {
            var (exit, output, _) = await ExternalTool.RunAsync("node", "Install Node.js (apt-get install nodejs).", Repository.PathOf(ValidatorFolder), "validate.mjs", input);

            Assert.NotEqual(0, exit);
            Assert.Contains("replicas", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
