using System.Runtime.InteropServices;

namespace Signals.Detection.Scanning;

/// <summary>
/// Insertion sorts for the handful of matches and ranges a post has. List.Sort with a comparison delegate costs a
/// delegate call per comparison and its set-up per call, more than the sorting itself at these sizes; insertion
/// sort is also stable, so equal keys keep the order they were found in.
/// </summary>
internal static class SmallSort
{
    /// <summary>By segment, then start: the order a reader meets them.</summary>
    public static void ByPosition(List<Occurrence> items)
    {
        var span = CollectionsMarshal.AsSpan(items);
        for (var i = 1; i < span.Length; i++)
        {
            var item = span[i];
            var j = i - 1;
            while (j >= 0 && (span[j].Segment > item.Segment || (span[j].Segment == item.Segment && span[j].Start > item.Start)))
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = item;
        }
    }

    public static void ByStart(List<TextRange> items)
    {
        var span = CollectionsMarshal.AsSpan(items);
        for (var i = 1; i < span.Length; i++)
        {
            var item = span[i];
            var j = i - 1;
            while (j >= 0 && span[j].Start > item.Start)
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = item;
        }
    }
}
