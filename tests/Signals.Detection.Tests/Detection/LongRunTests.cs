using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Detection;

/// <summary>
/// Runs of 256 or more base64-ish characters are found first and skipped by the searches for dots and invisible
/// characters. Everything next to, after or around such a run must be read as if nothing were skipped.
/// </summary>
public sealed class LongRunTests
{
    private const string A = "8TRKrtsoZCuwLz8YLyqN2TZA27vAXEDRPts9XMYkP3Sq";
    private const string B = "2ts94bYEbMHnwyDUxCNhJHcGx9U8xWd6HY2z7xpEpump";
    private static readonly string Flood = new('x', 300);
    private static readonly string SplitA = A[..20] + "\u200B" + A[20..];

    [Fact]
    public void A_link_after_a_long_run_is_found()
    {
        Assert.Equal(["solana:" + A], Detect.Keys($"{Flood} https://dexscreener.com/solana/{A}"));
    }

    [Fact]
    public void A_dot_right_after_a_long_run_is_still_searched_from()
    {
        Assert.Equal(["solana:" + B], Detect.Keys($"{Flood}. See https://pump.fun/coin/{B}"));
    }

    [Fact]
    public void An_invisible_character_after_or_before_a_long_run_is_still_stripped()
    {
        Assert.Equal(["solana:" + A], Detect.Keys($"{Flood} CA: {SplitA}"));
        Assert.Equal(["solana:" + A], Detect.Keys($"{SplitA} {Flood}"));
    }

    [Fact]
    public void An_invisible_character_gluing_an_address_to_a_long_run_makes_one_word()
    {
        // The soft hyphen renders as nothing, so a reader sees one 344-letter word: no address.
        Assert.Empty(Detect.Keys($"{Flood}\u00AD{A}"));
    }

    [Fact]
    public void Addresses_on_both_sides_of_a_long_run_are_found_in_order()
    {
        Assert.Equal(["solana:" + A, "solana:" + B], Detect.Keys($"CA {A} {Flood} and {B}"));
    }

    [Fact]
    public void An_address_inside_a_long_run_of_path_segments_is_a_piece_of_its_own()
    {
        Assert.Equal(["solana:" + A], Detect.Keys($"{Flood}/solana/{A}"));
    }

    [Fact]
    public void A_known_url_running_into_a_long_run_keeps_its_address_to_itself()
    {
        // The flood is the chain slug: no chain, no token; and the address in the URL is the URL's, not a bare one.
        Assert.Empty(Detect.Keys($"https://dexscreener.com/{Flood}/solana/{A}"));
        Assert.Empty(Detect.Keys($"https://dexscreener.com/solana/{A}{Flood}"));
    }

    [Fact]
    public void A_hidden_link_with_an_invisible_character_is_cleaned_too()
    {
        Assert.Equal(["solana:" + A], Detect.Keys(Flood, $"https://dexscreener.com/solana/{A[..10]}\u200B{A[10..]}"));
    }
}
