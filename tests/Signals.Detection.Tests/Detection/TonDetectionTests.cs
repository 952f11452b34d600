using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Detection;

public sealed class TonDetectionTests
{
    private const string Friendly = "EQA_4XGfG4jY7M2xXIDEKPTZDPrlM5o7ghm23LQ2kreRqZoQ";

    [Fact]
    public void User_friendly_bounceable_address_is_found()
    {
        Assert.Equal(["ton:" + Friendly], Detect.Keys("TON call 💎 " + Friendly));
    }

    [Fact]
    public void Bad_crc_is_rejected()
    {
        Assert.Empty(Detect.In("TON EQCNgMQThGZA81c13r99YBiYM0nJQcZXwBhe43LxXIauaWeA"));
    }

    [Fact]
    public void Raw_form_is_found_and_reported_in_the_friendly_form()
    {
        // USDT's jetton master in raw form; with no quote tokens configured it is reported in its published friendly form.
        var noQuotes = new TokenDetector(new DetectorOptions { QuoteTokens = [] });
        var found = noQuotes.Detect("jetton 0:b113a994b5024a16719f69139328eb759596c38a25f59028b146fecdc3621dfe");
        Assert.Equal(["ton:EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs"], found.Select(t => t.Key));

        var account = Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray();
        var expected = TestEncoders.TonFriendly(0x11, -1, account, urlSafe: true);
        Assert.Equal(["ton:" + expected], Detect.Keys("master -1:" + Convert.ToHexStringLower(account) + "."));
    }

    [Fact]
    public void Standard_base64_and_non_bounceable_forms_are_one_token()
    {
        var account = Enumerable.Range(0, 32).Select(i => (byte)(255 - (i * 5))).ToArray();
        var canonical = TestEncoders.TonFriendly(0x11, 0, account, urlSafe: true);
        var standard = TestEncoders.TonFriendly(0x11, 0, account, urlSafe: false);
        var nonBounceable = TestEncoders.TonFriendly(0x51, 0, account, urlSafe: true);
        Assert.Equal(["ton:" + canonical], Detect.Keys($"{standard}\n{nonBounceable}\n{canonical}"));
    }

    [Fact]
    public void Ton_address_in_a_dexscreener_link_is_found()
    {
        Assert.Equal(["ton:" + Friendly], Detect.Keys("https://dexscreener.com/ton/" + Friendly));
    }
}
