namespace Signals.Detection.Scanning;

/// <summary>
/// Insertion sort for the handful of matches and ranges a post has. List.Sort with a comparison delegate costs a
/// delegate call per comparison and its set-up per call, more than the sorting itself at these sizes; insertion
/// sort is also stable, so equal keys keep the order they were found in. The order is a type, so the comparison is
/// inlined rather than called.
/// </summary>
internal static class SmallSort
{
    /// <summary>By segment, then start: the order a reader meets them.</summary>
    public static void ByPosition(Span<Occurrence> items) => Sort<Occurrence, ReadingOrder>(items);

    public static void ByStart(Span<TextRange> items) => Sort<TextRange, StartOrder>(items);

    private static void Sort<T, TOrder>(Span<T> span)
        where TOrder : IOrder<T>
    {
        for (var i = 1; i < span.Length; i++)
        {
            var item = span[i];
            var j = i - 1;
            while (j >= 0 && TOrder.Before(item, span[j]))
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = item;
        }
    }

    private interface IOrder<T>
    {
        /// <summary>True when <paramref name="a"/> goes strictly before <paramref name="b"/>.</summary>
        static abstract bool Before(in T a, in T b);
    }

    private readonly struct ReadingOrder : IOrder<Occurrence>
    {
        public static bool Before(in Occurrence a, in Occurrence b) =>
            a.Segment < b.Segment || (a.Segment == b.Segment && a.Start < b.Start);
    }

    private readonly struct StartOrder : IOrder<TextRange>
    {
        public static bool Before(in TextRange a, in TextRange b) => a.Start < b.Start;
    }
}
