using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Codecs;

public sealed class Eip55Tests
{
    // All eight test cases of EIP-55 itself (eips.ethereum.org/EIPS/eip-55, "Test Cases").
    public static TheoryData<string> PublishedVectors =>
    [
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ];

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void Published_checksum_vectors_validate(string address)
    {
        Assert.True(Eip55.TryNormalize(address, out _));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Lowercase_input_is_reported_in_its_published_checksummed_form(string checksummed)
    {
        Assert.True(Eip55.TryNormalize("0x" + checksummed[2..].ToLowerInvariant(), out var normalized));
        Assert.Equal(checksummed, normalized);
    }

    [Fact]
    public void A_repeated_address_is_checked_again_in_each_letter_case()
    {
        // The same contract three times in a row, as a post and its link give it: the remembered result must not
        // let a wrong-case form through, and must give the checksummed form for each right one.
        const string Checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        Assert.True(Eip55.TryNormalize(Checksummed.ToLowerInvariant(), out var fromLower));
        Assert.False(Eip55.TryNormalize("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", out _));
        Assert.True(Eip55.TryNormalize("0x" + Checksummed[2..].ToUpperInvariant(), out var fromUpper));
        Assert.True(Eip55.TryNormalize(Checksummed, out var fromMixed));
        Assert.Equal(Checksummed, fromLower);
        Assert.Equal(Checksummed, fromUpper);
        Assert.Equal(Checksummed, fromMixed);
    }

    [Fact]
    public void Mixed_case_with_bad_checksum_is_rejected()
    {
        Assert.False(Eip55.TryNormalize("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", out _));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd")]
    [InlineData("0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg")]
    public void Wrong_shape_is_rejected(string text)
    {
        Assert.False(Eip55.TryNormalize(text, out _));
    }

    // The all-caps and all-lower published cases are what the checksum itself produces for those addresses.
    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void Checksum_of_either_case_gives_the_published_form(string published)
    {
        var hex = published[2..];
        Assert.Equal(published, Eip55.Checksum(hex.ToLowerInvariant()));
        Assert.Equal(published, Eip55.Checksum(hex.ToUpperInvariant()));
    }

    [Fact]
    public void Checksum_of_random_addresses_in_any_case_matches_the_definition()
    {
        var random = new Random(55);
        var address = new byte[20];
        for (var trial = 0; trial < 2000; trial++)
        {
            random.NextBytes(address);
            var lower = Convert.ToHexStringLower(address);
            var mixed = string.Concat(lower.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c));
            var expected = ReferenceKeccak.Eip55(lower);

            Assert.Equal(expected, Eip55.Checksum(mixed));
            Assert.True(Eip55.TryNormalize(expected, out var normalized), expected);
            Assert.Equal(expected, normalized);
        }
    }

    [Fact]
    public void Every_code_unit_at_every_place_is_accepted_exactly_when_the_address_stays_valid()
    {
        // The digits are read 16 at a step, the last step overlapping the one before: each place of the 40 and each
        // UTF-16 code unit there. A hex letter in the other case makes the address mixed-case, valid only if it is
        // the checksum's; anything else that is not hex makes it no address.
        const string Lower = "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
        for (var place = 0; place < 40; place++)
        {
            for (var c = 0; c <= 0xFFFF; c++)
            {
                var hex = string.Concat(Lower.AsSpan(0, place), ((char)c).ToString(), Lower.AsSpan(place + 1));
                var isHex = char.IsAsciiHexDigit((char)c);
                var expected = isHex && (!HasUpperLetter(hex) || !HasLowerLetter(hex) || ReferenceKeccak.Eip55(hex) == "0x" + hex);
                if (expected != Eip55.TryNormalize("0x" + hex, out _))
                {
                    Assert.Fail($"U+{c:X4} at {place}: expected {(expected ? "accepted" : "rejected")}");
                }
            }
        }
    }

    private static bool HasUpperLetter(string hex) => hex.Any(c => c is >= 'A' and <= 'F');

    private static bool HasLowerLetter(string hex) => hex.Any(c => c is >= 'a' and <= 'f');
}
