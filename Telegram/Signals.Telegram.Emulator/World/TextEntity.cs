namespace Signals.Telegram.Emulator.World;

/// <summary>
/// One formatting span of a message, as Telegram stores it: offset and length in UTF-16 code units.
/// <see cref="Url"/> is set for text links, <see cref="Language"/> (optional) for pre blocks.
/// </summary>
public sealed record TextEntity(TextEntityKind Kind, int Offset, int Length, string? Url = null, string? Language = null)
{
    public static TextEntity Link(int offset, int length, string url) => new(TextEntityKind.TextUrl, offset, length, url);

    /// <summary>
    /// Text links for URLs that came without a position (the admin surface's <c>links</c>): the i-th link covers
    /// the i-th word of the text, the last word when there are more links than words.
    /// </summary>
    public static IReadOnlyList<TextEntity> LinksOverWords(string text, IReadOnlyList<string> links)
    {
        if (links.Count == 0 || text.Length == 0)
        {
            return [];
        }

        var words = new List<(int Offset, int Length)>();
        var index = 0;
        while (index < text.Length)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            var start = index;
            while (index < text.Length && !char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            if (index > start)
            {
                words.Add((start, index - start));
            }
        }

        if (words.Count == 0)
        {
            words.Add((0, text.Length));
        }

        return links.Select((url, i) =>
        {
            var (offset, length) = words[Math.Min(i, words.Count - 1)];
            return Link(offset, length, url);
        }).ToList();
    }
}
