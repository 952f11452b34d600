using Signals.Catalog;
using Signals.Client.Infrastructure;

namespace Signals.Client.Tests;

/// <summary>The small languages of the CLI: durations, tiers, weights, channel names and token keys.</summary>
public sealed class ValueSyntaxTests
{
    [Theory]
    [InlineData("45s", 45)]
    [InlineData("30m", 30 * 60)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("2d", 2 * 86400)]
    [InlineData(" 10M ", 600)]
    public void Durations_parse_in_one_unit(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromSeconds(seconds), d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("10")]
    [InlineData("10w")]
    [InlineData("1h30m")]
    public void Malformed_durations_are_rejected(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(90, "90s")]
    [InlineData(600, "10m")]
    [InlineData(5400, "90m")]
    [InlineData(43200, "12h")]
    [InlineData(172800, "2d")]
    public void Durations_format_in_the_largest_exact_unit(int seconds, string text)
    {
        Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Tiers_parse_in_order_and_round_trip()
    {
        Assert.True(RuleText.TryParseTiers("3/10m, 5/12h", out var tiers, out _));

        Assert.Equal([new RuleTierConfig(3, TimeSpan.FromMinutes(10)), new RuleTierConfig(5, TimeSpan.FromHours(12))], tiers);
        Assert.Equal("3/10m,5/12h", RuleText.FormatTiers(tiers));
    }

    [Theory]
    [InlineData("3/10m,3/1h")]
    [InlineData("0/10m")]
    [InlineData("3")]
    [InlineData("/10m")]
    [InlineData("3/10m,")]
    public void Bad_tiers_are_rejected_with_a_reason(string text)
    {
        Assert.False(RuleText.TryParseTiers(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Weights_name_a_normalised_channel_and_a_non_negative_number()
    {
        Assert.True(RuleText.TryParseWeight("@Alpha_Calls=1.5", out var channel, out var weight));
        Assert.Equal("alpha_calls", channel);
        Assert.Equal(1.5, weight);
        Assert.False(RuleText.TryParseWeight("alpha=-1", out _, out _));
        Assert.False(RuleText.TryParseWeight("=2", out _, out _));
        Assert.False(RuleText.TryParseWeight("alpha=NaN", out _, out _));
    }

    [Theory]
    [InlineData("@SomeCalls", "somecalls")]
    [InlineData("https://t.me/SomeCalls/", "somecalls")]
    [InlineData("t.me/somecalls", "somecalls")]
    [InlineData("  somecalls ", "somecalls")]
    public void Channel_names_normalise_like_reader_keys(string text, string expected)
    {
        Assert.Equal(expected, ChannelName.Normalize(text));
    }

    [Fact]
    public void Lower_case_evm_address_is_keyed_in_its_checksummed_form_as_the_chain_agnostic_evm_token()
    {
        // EIP-55 test vector (eips.ethereum.org/EIPS/eip-55). Readers key EVM tokens "evm:" whatever chain a post names.
        Assert.True(TokenKeyText.TryNormalize("base:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", out var key, out _));

        Assert.Equal("evm:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", key);
    }

    [Fact]
    public void Bare_solana_mint_gets_the_solana_chain()
    {
        Assert.True(TokenKeyText.TryNormalize("7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr", out var key, out _));

        Assert.Equal("solana:7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr", key);
    }

    [Theory]
    [InlineData("ethereum:7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr")]
    [InlineData("solana:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("base:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [InlineData("solana:7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr extra")]
    public void Addresses_that_do_not_fit_their_chain_or_checksum_are_rejected(string text)
    {
        Assert.False(TokenKeyText.TryNormalize(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
