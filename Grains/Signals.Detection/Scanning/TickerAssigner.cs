namespace Signals.Detection.Scanning;

/// <summary>
/// Gives each address the "$TICKER" written next to it. A cashtag goes to one neighbouring address: one on the
/// same line wins (the nearer one if both are); across lines the address after it wins ("$PEPE\nCA: …" is the
/// usual call layout). A cashtag more than 64 characters or two blank lines away labels nothing.
/// </summary>
internal static class TickerAssigner
{
    /// <summary>The widest gap between a cashtag and the address it labels.</summary>
    public const int MaxGap = 64;
    private const int MaxLineBreaks = 2;

    /// <param name="occurrences">The first <paramref name="count"/> entries are the addresses in the post text, sorted by start.</param>
    /// <param name="tagOf">Cleared, then filled with one entry per occurrence: the index of its cashtag, or -1.</param>
    /// <param name="scoreOf">Scratch, one entry per occurrence.</param>
    public static void Assign(string text, ScratchList<Occurrence> occurrences, int count, List<Cashtag> cashtags, List<int> tagOf, List<(int, int, int)> scoreOf)
    {
        tagOf.Clear();
        scoreOf.Clear();
        for (var k = 0; k < count; k++)
        {
            tagOf.Add(-1);
            scoreOf.Add(default);
        }

        var next = 0; // index of the first occurrence starting at or after the current cashtag
        for (var t = 0; t < cashtags.Count; t++)
        {
            var tag = cashtags[t];
            while (next < count && occurrences[next].Start < tag.End)
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

            if (next < count && Score(text, tag.End, occurrences[next].Start, following: true) is { } after
                && (chosenScore is null || after.CompareTo(chosenScore.Value) < 0))
            {
                chosenScore = after;
                chosen = next;
            }

            if (chosen >= 0 && (tagOf[chosen] < 0 || chosenScore!.Value.CompareTo(scoreOf[chosen]) < 0))
            {
                tagOf[chosen] = t;
                scoreOf[chosen] = chosenScore!.Value;
            }
        }
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
