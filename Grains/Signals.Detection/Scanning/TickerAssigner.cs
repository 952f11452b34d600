namespace Signals.Detection.Scanning;

/// <summary>
/// Gives each address the "$TICKER" written next to it. A cashtag goes to one neighbouring address: one on the
/// same line wins (the nearer one if both are); across lines the address after it wins ("$PEPE\nCA: …" is the
/// usual call layout). A cashtag more than 64 characters or two blank lines away labels nothing.
/// </summary>
internal static class TickerAssigner
{
    private const int MaxGap = 64;
    private const int MaxLineBreaks = 2;

    /// <param name="occurrences">Addresses in the post text, sorted by start.</param>
    /// <returns>The ticker per occurrence index, where one was found.</returns>
    public static Dictionary<int, string> Assign(string text, IReadOnlyList<Occurrence> occurrences, IReadOnlyList<Cashtag> cashtags)
    {
        var best = new Dictionary<int, ((int, int, int) Score, string Ticker)>();
        var next = 0; // index of the first occurrence starting at or after the current cashtag
        foreach (var tag in cashtags)
        {
            while (next < occurrences.Count && occurrences[next].Start < tag.End)
            {
                next++;
            }

            (int, int, int)? chosenScore = null;
            var chosen = -1;
            if (next > 0 && Score(text, occurrences[next - 1].End, tag.Start, following: false) is { } before)
            {
                chosenScore = before;
                chosen = next - 1;
            }

            if (next < occurrences.Count && Score(text, tag.End, occurrences[next].Start, following: true) is { } after
                && (chosenScore is null || after.CompareTo(chosenScore.Value) < 0))
            {
                chosenScore = after;
                chosen = next;
            }

            if (chosen >= 0 && (!best.TryGetValue(chosen, out var current) || chosenScore!.Value.CompareTo(current.Score) < 0))
            {
                best[chosen] = (chosenScore!.Value, tag.Ticker);
            }
        }

        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Ticker);
    }

    /// <summary>Lower is closer; null when the gap is too wide to be "next to".</summary>
    private static (int, int, int)? Score(string text, int gapStart, int gapEnd, bool following)
    {
        var gap = gapEnd - gapStart;
        if (gap < 0 || gap > MaxGap)
        {
            return null;
        }

        var lines = text.AsSpan(gapStart, gap).Count('\n');
        if (lines > MaxLineBreaks)
        {
            return null;
        }

        var direction = following ? 0 : 1;
        return lines == 0 ? (0, gap, direction) : (lines, direction, gap);
    }
}
