using System.Runtime.InteropServices;

namespace Signals.Detection.Scanning;

/// <summary>A sorted union of ranges, queried by a caller that walks forward through the text.</summary>
internal sealed class RangeSet
{
    private readonly List<TextRange> _ranges = [];
    private int _cursor;

    /// <summary>Replaces the contents with the union of <paramref name="ranges"/> (which is sorted in place).</summary>
    public RangeSet Load(List<TextRange> ranges)
    {
        SmallSort.ByStart(CollectionsMarshal.AsSpan(ranges));
        _ranges.Clear();
        _cursor = 0;
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

        return this;
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
