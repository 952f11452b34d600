using Signals.Deploy.Tests.Rendering;

namespace Signals.Deploy.Tests;

/// <summary>The YAML reader the other tests rely on types scalars the way Kubernetes does.</summary>
public sealed class YamlJsonTests
{
    [Fact]
    public void Plain_scalars_are_typed_and_quoted_ones_stay_strings()
    {
        var docs = YamlJson.ParseDocuments("a: 3\nb: \"3\"\nc: true\nd: 'true'\ne: 1.5\nf: infinity\ng: null\nh: NaN\n---\nx: [1, two]\n");

        Assert.Equal(2, docs.Count);
        Assert.Equal(3, K8s.Number(docs[0], "a"));
        Assert.Equal("3", docs[0]["b"]!.GetValue<string>());
        Assert.Equal(true, K8s.Flag(docs[0], "c"));
        Assert.Equal("true", docs[0]["d"]!.GetValue<string>());
        Assert.Equal(1.5, docs[0]["e"]!.GetValue<double>());
        Assert.Equal("infinity", docs[0]["f"]!.GetValue<string>());
        Assert.True(docs[0].ContainsKey("g") && docs[0]["g"] is null);
        Assert.Equal("NaN", docs[0]["h"]!.GetValue<string>());
        Assert.Equal("[1,\"two\"]", docs[1]["x"]!.ToJsonString());
    }
}
