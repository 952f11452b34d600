using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Codecs;

public sealed class TonAddressTests
{
    [Fact]
    public void Crc16_xmodem_matches_its_catalogue_check_value()
    {
        // CRC catalogue check value for CRC-16/XMODEM over "123456789".
        Assert.Equal(0x31C3, Crc16Xmodem.Compute("123456789"u8));
        Assert.Equal(0x31C3, Crc16Xmodem.ComputeBitwise("123456789"u8));
    }

    [Fact]
    public void Crc16_table_form_agrees_with_the_bitwise_definition()
    {
        var random = new Random(1021);
        for (var length = 0; length <= 64; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Crc16Xmodem.ComputeBitwise(data), Crc16Xmodem.Compute(data));
        }
    }

    [Fact]
    public void Usdt_jetton_raw_form_converts_to_its_published_friendly_form()
    {
        // Tether's USDT jetton master on TON, as published in both forms.
        Assert.True(TonAddress.TryParseRaw("0:b113a994b5024a16719f69139328eb759596c38a25f59028b146fecdc3621dfe", out var friendly));
        Assert.Equal("EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs", friendly);
    }

    [Fact]
    public void Non_bounceable_and_standard_base64_forms_normalise_to_bounceable_base64url()
    {
        var account = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 250)).ToArray();
        var canonical = Support.TestEncoders.TonFriendly(0x11, 0, account, urlSafe: true);
        foreach (var (form, urlSafe) in new[]
        {
            (Support.TestEncoders.TonFriendly(0x51, 0, account, urlSafe: true), true),
            (Support.TestEncoders.TonFriendly(0x11, 0, account, urlSafe: false), false),
        })
        {
            Assert.Equal(TonAddress.Verdict.Valid, TonAddress.CheckFriendly(form, urlSafe, out var normalised));
            Assert.Equal(canonical, normalised);
        }
    }

    [Fact]
    public void Non_bounceable_testnet_standard_form_keeps_testnet_and_gets_the_bounceable_checksum()
    {
        var account = Enumerable.Range(0, 32).Select(i => (byte)(255 - (i * 3))).ToArray();
        var written = Support.TestEncoders.TonFriendly(0xD1, -1, account, urlSafe: false);
        Assert.Equal(TonAddress.Verdict.Valid, TonAddress.CheckFriendly(written, false, out var normalised));
        Assert.Equal(Support.TestEncoders.TonFriendly(0x91, -1, account, urlSafe: true), normalised);
    }

    [Fact]
    public void Testnet_flag_is_kept()
    {
        var account = new byte[32];
        account[5] = 9;
        var testnet = Support.TestEncoders.TonFriendly(0x91, -1, account, urlSafe: true);
        Assert.Equal(TonAddress.Verdict.Valid, TonAddress.CheckFriendly(testnet, true, out var normalised));
        Assert.Equal(testnet, normalised);
    }

    [Fact]
    public void Bad_crc_is_reported_as_a_damaged_ton_address()
    {
        Assert.Equal(TonAddress.Verdict.BadChecksum, TonAddress.CheckFriendly("EQCNgMQThGZA81c13r99YBiYM0nJQcZXwBhe43LxXIauaWeA", true, out _));
    }

    [Fact]
    public void Unknown_flag_or_workchain_is_not_ton()
    {
        var account = new byte[32];
        Assert.Equal(TonAddress.Verdict.NotTon, TonAddress.CheckFriendly(Support.TestEncoders.TonFriendly(0x12, 0, account, true), true, out _));
        Assert.Equal(TonAddress.Verdict.NotTon, TonAddress.CheckFriendly(Support.TestEncoders.TonFriendly(0x11, 5, account, true), true, out _));
    }

    [Theory]
    [InlineData("1:b113a994b5024a16719f69139328eb759596c38a25f59028b146fecdc3621dfe")]
    [InlineData("0:b113a994b5024a16719f69139328eb759596c38a25f59028b146fecdc3621df")]
    [InlineData("0:b113a994b5024a16719f69139328eb759596c38a25f59028b146fecdc3621dfg")]
    public void Raw_form_needs_workchain_0_or_minus_1_and_64_hex(string text)
    {
        Assert.False(TonAddress.TryParseRaw(text, out _));
    }
}
