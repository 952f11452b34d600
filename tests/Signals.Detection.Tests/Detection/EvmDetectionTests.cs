using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Detection;

public sealed class EvmDetectionTests
{
    private const string Checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"; // EIP-55 test vector

    [Fact]
    public void Checksummed_address_without_context_is_reported_as_unknown_evm()
    {
        Assert.Equal(["evm:" + Checksummed], Detect.Keys("CA " + Checksummed));
    }

    [Fact]
    public void Mixed_case_with_bad_checksum_is_rejected()
    {
        Assert.Empty(Detect.In("CA 0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    [Fact]
    public void All_lowercase_and_all_uppercase_are_accepted_and_reported_checksummed()
    {
        Assert.Equal(["evm:" + Checksummed], Detect.Keys("CA " + Checksummed.ToLowerInvariant()));
        Assert.Equal(["evm:" + Checksummed], Detect.Keys("CA 0x" + Checksummed[2..].ToUpperInvariant()));
    }

    [Fact]
    public void A_64_hex_transaction_hash_is_not_an_address()
    {
        Assert.Empty(Detect.In("tx 0x" + new string('a', 24) + Checksummed[2..].ToLowerInvariant()));
    }

    [Theory]
    [InlineData("https://dexscreener.com/ethereum/{0}", "ethereum")]
    [InlineData("https://dexscreener.com/base/{0}", "base")]
    [InlineData("https://dexscreener.com/bsc/{0}", "bsc")]
    [InlineData("https://dexscreener.com/arbitrum/{0}", "arbitrum")]
    [InlineData("https://dexscreener.com/polygon/{0}", "polygon")]
    [InlineData("https://dexscreener.com/avalanche/{0}", "avalanche")]
    [InlineData("https://dexscreener.com/blast/{0}", "evm")]
    [InlineData("https://etherscan.io/token/{0}", "ethereum")]
    [InlineData("https://basescan.org/token/{0}", "base")]
    [InlineData("https://bscscan.com/token/{0}", "bsc")]
    [InlineData("https://arbiscan.io/token/{0}", "arbitrum")]
    [InlineData("https://birdeye.so/token/{0}?chain=base", "base")]
    [InlineData("https://gmgn.ai/eth/token/{0}", "ethereum")]
    public void Chain_comes_from_the_link(string linkFormat, string chain)
    {
        var link = string.Format(System.Globalization.CultureInfo.InvariantCulture, linkFormat, Checksummed.ToLowerInvariant());
        Assert.Equal([$"{chain}:{Checksummed}"], Detect.Keys("chart " + link));
    }

    [Fact]
    public void A_bare_address_takes_the_chain_of_its_own_link_and_is_reported_once_at_its_first_place()
    {
        var tokens = Detect.In($"ETH gem $ZEREBRO\n{Checksummed}\nhttps://dexscreener.com/ethereum/{Checksummed.ToLowerInvariant()}");
        var token = Assert.Single(tokens);
        Assert.Equal(new DetectedToken(Chain.Ethereum, Checksummed, "ZEREBRO"), token);
    }

    [Fact]
    public void A_bare_address_takes_the_only_chain_the_posts_links_name()
    {
        const string Other = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
        Assert.Equal(
            [$"base:{Checksummed}", $"base:{Other}"],
            Detect.Keys($"CA {Checksummed}\nchart https://dexscreener.com/base/{Other}"));
    }

    [Fact]
    public void A_bare_address_stays_unknown_evm_when_the_links_name_two_chains()
    {
        const string A = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
        const string B = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
        var keys = Detect.Keys($"CA {Checksummed} https://dexscreener.com/base/{A} https://etherscan.io/token/{B}");
        Assert.Equal([$"evm:{Checksummed}", $"base:{A}", $"ethereum:{B}"], keys);
    }

    [Fact]
    public void An_explorer_address_page_is_not_a_token_but_still_names_the_chain()
    {
        const string Wallet = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
        Assert.Equal([$"ethereum:{Checksummed}"], Detect.Keys($"{Checksummed} deployer https://etherscan.io/address/{Wallet}"));
    }
}
