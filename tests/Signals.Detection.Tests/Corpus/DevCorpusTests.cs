using System.Text.Json;
using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Corpus;

public sealed class DevCorpusTests
{
    [Fact]
    public async Task Every_post_of_the_dev_corpus_yields_exactly_its_expected_tokens_through_the_jsonl_parser()
    {
        var corpusPath = CorpusLocator.Locate();
        var expected = CorpusPost.Load().ToDictionary(p => p.Id);
        Assert.NotEmpty(expected);

        using var input = new StringReader(await File.ReadAllTextAsync(corpusPath));
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var skipped = await PostParser.RunJsonLinesAsync(input, output, errors, TokenDetector.Default, CancellationToken.None);

        Assert.Equal(0, skipped);
        Assert.Equal(string.Empty, errors.ToString());

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count, lines.Length);

        var failures = new List<string>();
        var inputOrder = expected.Keys.ToList();
        for (var k = 0; k < lines.Length; k++)
        {
            using var doc = JsonDocument.Parse(lines[k]);
            var id = doc.RootElement.GetProperty("id").GetString()!;
            Assert.Equal(inputOrder[k], id); // output keeps input order
            var actual = doc.RootElement.GetProperty("tokens").EnumerateArray()
                .Select(t => (t.GetProperty("chain").GetString()!, t.GetProperty("address").GetString()!))
                .ToList();
            var post = expected[id];
            if (!actual.SequenceEqual(post.Expected))
            {
                failures.Add($"{id} ({post.Note}): expected [{string.Join(", ", post.Expected)}] got [{string.Join(", ", actual)}]");
            }
        }

        Assert.True(failures.Count == 0, "Corpus mismatches:\n" + string.Join("\n", failures));
    }
}
