namespace Signals.Detection.Scanning;

/// <summary>
/// The pieces of one URL as offsets into the segment text, so that a token found in a path keeps its position.
/// Parsing is a single pass over the URL.
/// </summary>
internal sealed class UrlParts
{
    private UrlParts(string text, TextRange host, List<TextRange> path, List<(TextRange Name, TextRange Value)> query)
    {
        Text = text;
        Host = host;
        Path = path;
        Query = query;
    }

    public string Text { get; }

    public TextRange Host { get; }

    public IReadOnlyList<TextRange> Path { get; }

    public IReadOnlyList<(TextRange Name, TextRange Value)> Query { get; }

    public ReadOnlySpan<char> Slice(TextRange range) => Text.AsSpan(range.Start, range.End - range.Start);

    public bool PathIs(int index, string value) =>
        index < Path.Count && Slice(Path[index]).Equals(value, StringComparison.OrdinalIgnoreCase);

    public TextRange? QueryValue(string name)
    {
        foreach (var (n, v) in Query)
        {
            if (Slice(n).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Parses [start, end) where start is the host (scheme already skipped).</summary>
    public static UrlParts Parse(string text, int start, int end)
    {
        var i = start;
        while (i < end && text[i] is not ('/' or '?' or '#' or ':'))
        {
            i++;
        }

        var host = new TextRange(start, i);
        while (i < end && text[i] is not ('/' or '?' or '#'))
        {
            i++; // a port
        }

        var path = new List<TextRange>();
        while (i < end && text[i] == '/')
        {
            var segStart = ++i;
            while (i < end && text[i] is not ('/' or '?' or '#'))
            {
                i++;
            }

            if (i > segStart)
            {
                path.Add(new TextRange(segStart, i));
            }
        }

        var query = new List<(TextRange, TextRange)>();
        if (i < end && text[i] == '?')
        {
            i++;
            while (i < end && text[i] != '#')
            {
                var nameStart = i;
                while (i < end && text[i] is not ('=' or '&' or '#'))
                {
                    i++;
                }

                var name = new TextRange(nameStart, i);
                var valueStart = i;
                if (i < end && text[i] == '=')
                {
                    valueStart = ++i;
                    while (i < end && text[i] is not ('&' or '#'))
                    {
                        i++;
                    }
                }

                query.Add((name, new TextRange(valueStart, i)));
                if (i < end && text[i] == '&')
                {
                    i++;
                }
            }
        }

        return new UrlParts(text, host, path, query);
    }
}
