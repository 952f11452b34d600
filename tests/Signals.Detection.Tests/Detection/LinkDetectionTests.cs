using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Detection;

public sealed class LinkDetectionTests
{
    private const string Mint = "9smvMxVkjPXDY3AoP18cjB1x7n8g9srUKBwtborsMArF";
    private const string Wallet = "tuGgKRDJK1ZFHjn2tXQbrt3VcEhxBcwTfiDedbz1qCw";

    [Theory]
    [InlineData("https://dexscreener.com/solana/{0}")]
    [InlineData("https://birdeye.so/token/{0}?chain=solana")]
    [InlineData("https://birdeye.so/token/{0}")]
    [InlineData("https://birdeye.so/solana/token/{0}")]
    [InlineData("https://pump.fun/coin/{0}")]
    [InlineData("https://pump.fun/{0}")]
    [InlineData("https://gmgn.ai/sol/token/{0}")]
    [InlineData("https://gmgn.ai/sol/token/abCD12_{0}")]
    [InlineData("https://solscan.io/token/{0}")]
    [InlineData("https://jup.ag/swap/SOL-{0}")]
    [InlineData("https://jup.ag/swap/{0}-USDC")]
    [InlineData("https://jup.ag/swap?sell=So11111111111111111111111111111111111111112&buy={0}")]
    [InlineData("dexscreener.com/solana/{0}")]
    [InlineData("(https://www.dexscreener.com/solana/{0})")]
    [InlineData("[chart](https://dexscreener.com/solana/{0}).")]
    public void Token_is_taken_from_its_place_in_known_links(string format)
    {
        var text = "chart: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Mint) + " 🔥";
        Assert.Equal(["solana:" + Mint], Detect.Keys(text));
    }

    [Theory]
    [InlineData("https://solscan.io/account/{0}")]
    [InlineData("https://pump.fun/profile/{0}")]
    [InlineData("https://birdeye.so/profile/{0}")]
    [InlineData("https://gmgn.ai/sol/address/{0}")]
    public void Wallet_pages_of_known_sites_are_not_tokens(string format)
    {
        Assert.Empty(Detect.In("whale: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Wallet)));
    }

    [Fact]
    public void Addresses_in_links_to_unknown_sites_are_still_found()
    {
        Assert.Equal(["solana:" + Mint], Detect.Keys($"https://t.me/some_bot?start=ref_abc_{Mint}"));
    }

    [Fact]
    public void Hidden_text_link_urls_are_searched_after_the_text()
    {
        var keys = Detect.Keys($"Check the chart (link in bio) and {Wallet}", "https://dexscreener.com/solana/" + Mint);
        Assert.Equal(["solana:" + Wallet, "solana:" + Mint], keys);
    }

    [Fact]
    public void Hidden_link_wallet_page_is_not_a_token()
    {
        Assert.Empty(Detect.In("whale bought", "https://solscan.io/account/" + Wallet));
    }

    [Fact]
    public void A_null_or_garbage_link_is_ignored()
    {
        Assert.Equal(["solana:" + Mint], Detect.Keys(Mint, null!, "", "https://", "://", "https://dexscreener.com"));
    }

    [Theory]
    [InlineData("HTTPS://DexScreener.COM/Solana/{0}")]
    [InlineData("https://Jup.Ag/swap?inputMint=So11111111111111111111111111111111111111112&outputMint={0}")]
    [InlineData("https://birdeye.so/token/{0}?CHAIN=SOL")]
    [InlineData("https://gmgn.ai/SOL/Token/{0}")]
    public void Hosts_schemes_paths_and_parameters_match_in_any_letter_case(string format)
    {
        Assert.Equal(["solana:" + Mint], Detect.Keys(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Mint)));
    }

    [Theory]
    [InlineData("https://solscan.io.evil.com/account/{0}")]
    [InlineData("https://solscan.io@evil.com/account/{0}")]
    [InlineData("https://notsolscan.io/account/{0}")]
    [InlineData("solscan.io-x.com/account/{0}")]
    public void Look_alike_hosts_are_unknown_sites_whose_addresses_are_read_as_text(string format)
    {
        // On solscan itself an account page is a wallet, not a token: finding the address proves the host was not taken for solscan.
        Assert.Equal(["solana:" + Wallet], Detect.Keys(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Wallet)));
        Assert.Empty(Detect.In(string.Format(System.Globalization.CultureInfo.InvariantCulture, "https://SOLSCAN.IO/account/{0}", Wallet)));
    }

    [Fact]
    public void Every_known_host_has_a_recognised_top_level_domain_in_any_case()
    {
        foreach (var host in Signals.Detection.Scanning.KnownHost.All)
        {
            var tld = host.Host[(host.Host.LastIndexOf('.') + 1)..];
            Assert.True(Signals.Detection.Scanning.KnownHost.IsKnownTld(tld), tld);
            Assert.True(Signals.Detection.Scanning.KnownHost.IsKnownTld(tld.ToUpperInvariant()), tld);
        }

        Assert.False(Signals.Detection.Scanning.KnownHost.IsKnownTld("me"));
        Assert.False(Signals.Detection.Scanning.KnownHost.IsKnownTld("co"));
        Assert.False(Signals.Detection.Scanning.KnownHost.IsKnownTld("comx"));
    }
}
