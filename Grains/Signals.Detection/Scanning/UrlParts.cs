namespace Signals.Detection.Scanning;

/// <summary>
/// The pieces of one URL as offsets into the segment text, so that a token found in a path keeps its position.
/// Parsing is a single pass over the URL.
/// </summary>
internal sealed class UrlParts
{
    private readonly List<TextRange> _path = [];
    private readonly List<(TextRange Name, TextRange Value)> _query = [];

    public string Text { get; private set; } = string.Empty;

    public TextRange Host { get; private set; }

    /// <summary>The non-empty path segments, in order.</summary>
    public ReadOnlySpan<TextRange> Path => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_path);

    public IReadOnlyList<(TextRange Name, TextRange Value)> Query => _query;

    public ReadOnlySpan<char> Slice(TextRange range) => Text.AsSpan(range.Start, range.End - range.Start);

    public bool PathIs(int index, string value) =>
        index < _path.Count && AsciiCase.EqualsLower(Slice(_path[index]), value);

    public TextRange? QueryValue(string name)
    {
        foreach (var (n, v) in _query)
        {
            if (AsciiCase.EqualsLower(Slice(n), name))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Parses [start, end) where start is the host (scheme already skipped), replacing the previous URL.</summary>
    /// <remarks>One instance is reused for every link of a post: a link is read completely before the next is parsed.</remarks>
    public void Parse(string text, int start, int end)
    {
        Text = text;
        _path.Clear();
        _query.Clear();
        var path = _path;
        var query = _query;
        var i = start;
        i = ShortSearch.IndexOfAny(text, i, end, '/', '?', '#', ':');

        Host = new TextRange(start, i);
        i = ShortSearch.IndexOfAny(text, i, end, '/', '?', '#', '#'); // past a port

        while (i < end && text[i] == '/')
        {
            var segStart = ++i;
            i = ShortSearch.IndexOfAny(text, i, end, '/', '?', '#', '#');

            if (i > segStart)
            {
                path.Add(new TextRange(segStart, i));
            }
        }

        if (i < end && text[i] == '?')
        {
            i++;
            while (i < end && text[i] != '#')
            {
                var nameStart = i;
                i = ShortSearch.IndexOfAny(text, i, end, '=', '&', '#', '#');

                var name = new TextRange(nameStart, i);
                var valueStart = i;
                if (i < end && text[i] == '=')
                {
                    valueStart = ++i;
                    i = ShortSearch.IndexOfAny(text, i, end, '&', '#', '#', '#');
                }

                query.Add((name, new TextRange(valueStart, i)));
                if (i < end && text[i] == '&')
                {
                    i++;
                }
            }
        }
    }
}
