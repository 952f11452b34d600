using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Detection;

public sealed class PostLevelRulesTests
{
    private const string A = "8TRKrtsoZCuwLz8YLyqN2TZA27vAXEDRPts9XMYkP3Sq";
    private const string B = "2ts94bYEbMHnwyDUxCNhJHcGx9U8xWd6HY2z7xpEpump";
    private const string WrappedSol = "So11111111111111111111111111111111111111112";
    private const string UsdcSolana = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    private const string UsdtSolana = "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB";

    [Fact]
    public void Each_token_once_in_order_of_first_appearance()
    {
        Assert.Equal(["solana:" + A, "solana:" + B], Detect.Keys($"1) {A}\n2) {B}\nagain {A} and https://dexscreener.com/solana/{B}"));
    }

    [Fact]
    public void Quote_tokens_are_never_signals()
    {
        Assert.Empty(Detect.In($"Paired with {WrappedSol}, {UsdcSolana} and {UsdtSolana}"));
        Assert.Empty(Detect.In("WETH 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 USDC https://etherscan.io/token/0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"));
        Assert.Equal(["solana:" + A], Detect.Keys($"https://jup.ag/swap/{UsdcSolana}-{A}"));
    }

    [Fact]
    public void Every_default_quote_token_is_a_valid_address()
    {
        foreach (var quote in DetectorOptions.Default.QuoteTokens)
        {
            var everything = new TokenDetector(new DetectorOptions { QuoteTokens = [] }).Detect(quote);
            var token = Assert.Single(everything);
            Assert.Equal(quote, token.Address); // EVM entries are written in their EIP-55 form: a typo breaks the checksum
        }
    }

    [Fact]
    public void The_quote_list_is_configurable()
    {
        var detector = new TokenDetector(new DetectorOptions { QuoteTokens = [A, "ethereum:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"] });
        Assert.Equal(
            ["solana:" + B, "solana:" + WrappedSol],
            detector.Detect($"{A} {B} {WrappedSol} 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").Select(t => t.Key));
    }

    [Fact]
    public void Ticker_on_the_line_before_labels_the_address()
    {
        var token = Assert.Single(Detect.In($"🚀 New call: $ZEREBRO\nCA: {A}\nLP burned"));
        Assert.Equal("ZEREBRO", token.Ticker);
    }

    [Fact]
    public void Tickers_on_the_same_line_go_to_their_own_address()
    {
        var tokens = Detect.In($"CA: {A} ($AAA)\nCA: {B} ($BBB)");
        Assert.Equal(["AAA", "BBB"], tokens.Select(t => t.Ticker));
    }

    [Fact]
    public void Header_tickers_go_to_the_address_below_them()
    {
        var tokens = Detect.In($"$AAA\nCA: {A}\n$BBB\nCA: {B}");
        Assert.Equal(["AAA", "BBB"], tokens.Select(t => t.Ticker));
    }

    [Fact]
    public void A_cashtag_far_away_or_of_a_chain_coin_is_no_label()
    {
        Assert.Null(Assert.Single(Detect.In($"$FAR {new string('.', 100)} {A}")).Ticker);
        Assert.Null(Assert.Single(Detect.In($"$SOL pair: {A}")).Ticker);
        Assert.Null(Assert.Single(Detect.In($"US$100 {A}")).Ticker);
    }

    [Theory]
    [InlineData("POL", null)] // the shortest and the longest coin symbols, in any case
    [InlineData("matic", null)]
    [InlineData("Usdc", null)]
    [InlineData("SO", "SO")] // shorter or longer than every symbol: a ticker
    [InlineData("SOLANA", "SOLANA")]
    [InlineData("USDCX", "USDCX")]
    public void Only_the_coin_symbols_themselves_are_no_label(string ticker, string? label)
    {
        Assert.Equal(label, Assert.Single(Detect.In($"${ticker} {A}")).Ticker);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    public void A_cashtag_labels_up_to_64_characters_away_on_either_side_and_no_further(int tickerLength)
    {
        var ticker = "T" + new string('X', tickerLength - 1);
        // Gap = characters between the cashtag's end and the address, or between the address and the '$'.
        Assert.Equal(ticker, Assert.Single(Detect.In($"${ticker}{new string(' ', 64)}{A}")).Ticker);
        Assert.Null(Assert.Single(Detect.In($"${ticker}{new string(' ', 65)}{A}")).Ticker);
        Assert.Equal(ticker, Assert.Single(Detect.In($"{A}{new string(' ', 64)}${ticker}")).Ticker);
        Assert.Null(Assert.Single(Detect.In($"{A}{new string(' ', 65)}${ticker}")).Ticker);
    }

    [Fact]
    public void Labels_are_found_around_each_address_of_a_long_post()
    {
        var filler = new string('x', 5000) + " ";
        var tokens = Detect.In($"$FAR {filler}$AAA {A} {filler}{B} ($BBB) {filler} $LATE");
        Assert.Equal(["AAA", "BBB"], tokens.Select(t => t.Ticker));
    }

    [Fact]
    public void Cashtag_without_address_finds_nothing()
    {
        Assert.Empty(Detect.In("gm frens, no calls today. $SOL looking strong"));
    }

    [Fact]
    public void Empty_and_odd_inputs_find_nothing_and_do_not_throw()
    {
        Assert.Empty(TokenDetector.Default.Detect(null!));
        Assert.Empty(TokenDetector.Default.Detect(""));
        Assert.Empty(TokenDetector.Default.Detect("\uD800\uDC00\uDFFF\uD800 $ $$ 0x 0: -1: :// https:// http://?#"));
    }
}
