using System.Text;
using System.Text.Json.Nodes;
using Signals.Deploy.Tests.Rendering;

namespace Signals.Deploy.Tests;

/// <summary>Every secret reference resolves; placeholders exist only in dev, prod expects its Secrets made by hand.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task Dev_generates_every_secret_key_its_pods_reference()
    {
        var rendered = await Overlays.RenderAsync("dev");
        var refs = SecretReferences(rendered).ToList();
        Assert.NotEmpty(refs);

        foreach (var (secret, key) in refs)
        {
            var data = K8s.Node(rendered.Single("Secret", secret), "data") as JsonObject;
            Assert.True(data is not null && data.ContainsKey(key), $"dev: Secret {secret} has no key {key}.");
        }
    }

    [Fact]
    public async Task Dev_secrets_key_is_a_well_formed_aes_256_key()
    {
        // Signals:Secrets validates its keys at start: a malformed placeholder would stop the dev silo.
        var rendered = await Overlays.RenderAsync("dev");
        var silo = rendered.SiloContainer();
        var reference = K8s.Env(silo).Single(e => K8s.Text(e, "name") == "Signals__Secrets__Keys__k1");
        var secret = rendered.Single("Secret", K8s.Text(reference, "valueFrom.secretKeyRef.name")!);
        var stored = Encoding.ASCII.GetString(Convert.FromBase64String(K8s.Text(secret, $"data.{K8s.Text(reference, "valueFrom.secretKeyRef.key")}")!));

        Assert.Equal(32, Convert.FromBase64String(stored).Length);
        Assert.Equal(K8s.Text(reference, "valueFrom.secretKeyRef.key")!.Replace("secrets-key-", "", StringComparison.Ordinal), K8s.EnvValue(silo, "Signals__Secrets__ActiveKeyId"));
    }

    [Fact]
    public async Task Prod_renders_no_secret_so_no_placeholder_can_reach_production()
    {
        var rendered = await Overlays.RenderAsync("prod");

        Assert.Empty(rendered.OfKind("Secret"));
    }

    [Fact]
    public async Task Prod_example_lists_exactly_the_secret_keys_prod_references()
    {
        var rendered = await Overlays.RenderAsync("prod");
        var referenced = SecretReferences(rendered).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var example = File.ReadAllLines(Path.Combine(Overlays.DirectoryOf("prod"), "secrets.example.env"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim())
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(referenced.Order(StringComparer.Ordinal), example.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Secret, string Key)> SecretReferences(RenderedOverlay rendered) =>
        rendered.PodTemplates()
            .SelectMany(t => K8s.Array(t.Template, "spec.containers").OfType<JsonObject>())
            .SelectMany(K8s.Env)
            .Where(e => K8s.Node(e, "valueFrom.secretKeyRef") is not null)
            .Select(e => (K8s.Text(e, "valueFrom.secretKeyRef.name")!, K8s.Text(e, "valueFrom.secretKeyRef.key")!))
            .Distinct();
}
