namespace Signals.Detection.Tests.Detection;

/// <summary>The quote set answers from a token's ending first: it must still find every entry and only those.</summary>
public sealed class QuoteTokenSetTests
{
    private const string EndsInDigit = "So11111111111111111111111111111111111111112"; // ends "12"
    private const string EndsInLetter = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"; // ends "1v"

    [Fact]
    public void Every_entry_is_found_and_nothing_else()
    {
        var set = new QuoteTokenSet([EndsInDigit, EndsInLetter, "not an addressé"]);

        Assert.True(set.Contains(EndsInDigit));
        Assert.True(set.Contains(EndsInLetter));
        Assert.True(set.Contains("not an addressé")); // kept as written: it is no address, but it is configured

        // Same ending, another token: the filter lets it through, the set says no.
        Assert.False(set.Contains("3" + EndsInDigit[1..]));
        Assert.False(set.Contains("F" + EndsInLetter[1..]));
        // Endings no entry has, ASCII and beyond.
        Assert.False(set.Contains(EndsInDigit[..^1] + "3"));
        Assert.False(set.Contains(EndsInLetter[..^1] + "w"));
        Assert.False(set.Contains("another addressé"));
        Assert.False(set.Contains("ends in Cyrillic а"));
        Assert.False(set.Contains(string.Empty));
    }

    [Fact]
    public void A_set_without_non_ascii_entries_rejects_non_ascii_endings()
    {
        var set = new QuoteTokenSet([EndsInDigit]);
        Assert.False(set.Contains("é"));
        Assert.False(set.Contains("\uFFFF"));
        Assert.False(set.Contains("\u0032\u0100")); // a '2' before a character beyond ASCII
    }
}
