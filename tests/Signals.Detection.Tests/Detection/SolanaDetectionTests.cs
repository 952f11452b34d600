using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Detection;

public sealed class SolanaDetectionTests
{
    private const string Mint = "HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KD";
    private const string PumpMint = "6kRFv6kMLZPdP97mRvcmcjKs15Rr5vGppcu7bq6zpump";

    [Fact]
    public void Labelled_contract_address_is_found()
    {
        Assert.Equal(["solana:" + Mint], Detect.Keys($"🚀 New call\nCA: {Mint}\nLP burned"));
    }

    [Fact]
    public void Pump_vanity_suffix_stays_part_of_the_address()
    {
        Assert.Equal(["solana:" + PumpMint], Detect.Keys($"`{PumpMint}`"));
    }

    [Fact]
    public void A_64_byte_transaction_signature_is_not_an_address()
    {
        var signature = TestEncoders.Base58([.. Enumerable.Range(1, 64).Select(i => (byte)(i * 3))]);
        Assert.Empty(Detect.In("tx: " + signature));
    }

    [Fact]
    public void Base58_of_33_bytes_is_not_an_address()
    {
        var text = TestEncoders.Base58([.. Enumerable.Range(1, 33).Select(i => (byte)i)]);
        Assert.InRange(text.Length, 32, 46);
        Assert.Empty(Detect.In("CA: " + text));
    }

    [Fact]
    public void Base58_of_31_bytes_is_not_an_address()
    {
        var text = TestEncoders.Base58([.. Enumerable.Repeat((byte)0xEE, 31)]);
        Assert.InRange(text.Length, 32, 44);
        Assert.Empty(Detect.In("CA: " + text));
    }

    [Fact]
    public void The_all_zero_key_is_not_a_token()
    {
        Assert.Empty(Detect.In("CA: " + new string('1', 32)));
    }

    [Theory]
    [InlineData('о')] // Cyrillic o
    [InlineData('Α')] // Greek capital alpha
    [InlineData('ａ')] // fullwidth a
    [InlineData('１')] // fullwidth digit one
    public void An_address_with_a_lookalike_letter_from_another_script_is_no_address(char lookalike)
    {
        // Replace one character in the middle, and also glue one onto the end: neither may be "repaired".
        var middle = Mint[..20] + lookalike + Mint[21..];
        Assert.Empty(Detect.In("CA: " + middle));
        Assert.Empty(Detect.In("CA: " + Mint + lookalike));
        Assert.Empty(Detect.In("CA: " + lookalike + Mint));
    }

    [Fact]
    public void A_mathematical_bold_letter_glued_to_an_address_makes_it_no_address()
    {
        Assert.Empty(Detect.In("CA: " + Mint + "\U0001D400"));
    }

    [Fact]
    public void Address_directly_beside_chinese_text_or_emoji_is_found()
    {
        Assert.Equal(["solana:" + Mint], Detect.Keys($"合约{Mint}🚀"));
    }

    [Theory]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200C")] // zero-width non-joiner
    [InlineData("\u200D")] // zero-width joiner
    [InlineData("\uFEFF")] // BOM
    [InlineData("\u00AD")] // soft hyphen
    [InlineData("\u2060")] // word joiner
    public void Invisible_characters_inside_an_address_are_stripped(string invisible)
    {
        var broken = Mint[..10] + invisible + Mint[10..30] + invisible + Mint[30..];
        Assert.Equal(["solana:" + Mint], Detect.Keys("CA: " + broken));
    }

    [Fact]
    public void A_megabyte_of_base58_letters_is_no_address_and_the_call_after_it_is_found()
    {
        var noise = new string('x', 1 << 20);
        Assert.Equal(["solana:" + Mint], Detect.Keys(noise + " CA " + Mint));
        Assert.Empty(Detect.In(noise));
    }

    [Fact]
    public void Base58_pieces_of_a_ton_address_are_not_taken_for_solana()
    {
        // A TON address split by '_' leaves a 44-character alphanumeric piece; make sure it would decode, then
        // check that the TON form wins and no Solana token is invented from the piece.
        var random = new Random(7);
        for (var attempt = 0; attempt < 5000; attempt++)
        {
            var account = new byte[32];
            random.NextBytes(account);
            var ton = TestEncoders.TonFriendly(0x11, 0, account, urlSafe: true);
            var pieces = ton.Split('_', '-');
            var piece = pieces.FirstOrDefault(p => p.Length is >= 32 and <= 44 && p.All(c => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".Contains(c))
                && TestEncoders.Base58Decode(p).Length == 32);
            if (piece is null)
            {
                continue;
            }

            Assert.Equal(["ton:" + ton], Detect.Keys("TON " + ton));
            var damaged = ton[..^1] + (ton[^1] == 'A' ? 'B' : 'A');
            Assert.Empty(Detect.In("TON " + damaged));
            return;
        }

        Assert.Fail("No TON address with a valid base58 piece was generated.");
    }
}
