namespace Signals.Detection.Scanning;

/// <summary>
/// Case-insensitive comparison against short lower-case ASCII literals (hosts, path words, chain slugs). These are a
/// few characters long, where a plain loop beats the general ordinal-ignore-case machinery, which was a tenth of the
/// cost of reading a link.
/// </summary>
internal static class AsciiCase
{
    /// <param name="lower">A literal of lower-case ASCII letters, digits and punctuation.</param>
    public static bool EqualsLower(ReadOnlySpan<char> text, string lower)
    {
        if (text.Length != lower.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var l = lower[i];
            // Folding by setting 0x20 is exact only for letters: 'A'..'Z' become 'a'..'z', nothing else lands there.
            if (c != l && !(l is >= 'a' and <= 'z' && (c | 0x20) == l))
            {
                return false;
            }
        }

        return true;
    }
}
