namespace Signals.Detection.Scanning;

/// <summary>A sorted union of ranges, queried by a caller that walks forward through the text.</summary>
internal sealed class RangeSet
{
    private readonly List<TextRange> _ranges;
    private int _cursor;

    public RangeSet(List<TextRange> ranges)
    {
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        _ranges = new List<TextRange>(ranges.Count);
        foreach (var r in ranges)
        {
            if (_ranges.Count > 0 && r.Start <= _ranges[^1].End)
            {
                _ranges[^1] = _ranges[^1] with { End = Math.Max(_ranges[^1].End, r.End) };
            }
            else
            {
                _ranges.Add(r);
            }
        }
    }

    /// <summary>Queries must come with non-decreasing <paramref name="start"/>.</summary>
    public bool Overlaps(int start, int end)
    {
        while (_cursor < _ranges.Count && _ranges[_cursor].End <= start)
        {
            _cursor++;
        }

        return _cursor < _ranges.Count && _ranges[_cursor].Overlaps(start, end);
    }
}
