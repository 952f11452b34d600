using System.Text.Json;

namespace Signals.Detection.Tests.Support;

/// <summary>One line of the dev corpus: the post and the tokens a correct detector reports for it.</summary>
public sealed record CorpusPost(string Id, string Text, IReadOnlyList<string> Links, IReadOnlyList<(string Chain, string Address)> Expected, string Note)
{
    public static IReadOnlyList<CorpusPost> Load()
    {
        var posts = new List<CorpusPost>();
        foreach (var line in File.ReadLines(CorpusLocator.Locate()))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var links = root.TryGetProperty("links", out var l) ? l.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
            var expected = root.GetProperty("expect").EnumerateArray()
                .Select(e => (e.GetProperty("chain").GetString()!, e.GetProperty("address").GetString()!))
                .ToList();
            var note = root.TryGetProperty("note", out var n) ? n.GetString() ?? "" : "";
            posts.Add(new CorpusPost(root.GetProperty("id").GetString()!, root.GetProperty("text").GetString()!, links, expected, note));
        }

        return posts;
    }
}
