using Signals.Detection.Codecs;
using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Differential;

/// <summary>The limb decoder with its early length rejection against a BigInteger decode, around every length bound.</summary>
public sealed class Base58DifferentialTests
{
    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Decoding_to_32_bytes_agrees_with_a_bigint_decode_for_every_length_and_leading_ones(int seed)
    {
        var random = new Random(seed);
        var accepted = 0;
        for (var ones = 0; ones <= 34; ones++)
        {
            for (var body = 0; body <= 46; body++)
            {
                for (var k = 0; k < 12; k++)
                {
                    // The body's first digit is never '1', so the count of leading ones is exact.
                    var text = new string('1', ones)
                        + (body == 0 ? "" : Base58.Alphabet[random.Next(1, 58)] + new string(Enumerable.Range(1, body - 1).Select(_ => Edge(random)).ToArray()));
                    var expected = TestEncoders.Base58Decode(text);
                    var output = new byte[32];
                    var ok = Base58.TryDecode32(text, output);
                    Assert.True(ok == (expected.Length == 32), $"«{text}»: decoder says {ok}, BigInteger gives {expected.Length} bytes");
                    var nonZeroKey = expected.Length == 32 && expected.Any(b => b != 0);
                    Assert.True(Base58.IsNonZeroKey32(text) == nonZeroKey, $"«{text}»: bounds check says {!nonZeroKey}, BigInteger gives {expected.Length} bytes");
                    if (ok)
                    {
                        Assert.Equal(expected, output);
                        accepted++;
                    }
                }
            }
        }

        Assert.True(accepted > 100, $"only {accepted} strings decoded to 32 bytes");
    }

    [Fact]
    public void The_bounds_check_takes_every_key_at_the_edges_of_each_width_and_nothing_one_past_them()
    {
        for (var zeros = 0; zeros < 32; zeros++)
        {
            var smallest = new byte[32];
            smallest[zeros] = 1;
            var largest = new byte[32];
            largest.AsSpan(zeros).Fill(0xFF);
            foreach (var key in new[] { smallest, largest })
            {
                var text = TestEncoders.Base58(key);
                Assert.True(Base58.IsNonZeroKey32(text), text);
                Assert.False(Base58.IsNonZeroKey32("1" + text), "33 bytes: " + text);

                // One digit fewer, one more, or the last digit at either end: whatever the reference decode says.
                foreach (var variant in new[] { text[1..], text + "z", text + "2", text[..^1] + "1", text[..^1] + "z" })
                {
                    var decoded = TestEncoders.Base58Decode(variant);
                    Assert.True(
                        Base58.IsNonZeroKey32(variant) == (decoded.Length == 32 && decoded.Any(b => b != 0)),
                        $"«{variant}» decodes to {decoded.Length} bytes");
                }
            }
        }

        Assert.False(Base58.IsNonZeroKey32(new string('1', 32)));
        Assert.False(Base58.IsNonZeroKey32("HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1K0")); // '0' is no digit
        Assert.False(Base58.IsNonZeroKey32("HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KО")); // Cyrillic O
        Assert.True(Base58.IsNonZeroKey32("HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KD"));
    }

    [Fact]
    public void Encoded_keys_with_extreme_values_decode_back()
    {
        var smallest = new byte[32];
        smallest[0] = 1;
        var largest = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        var tiny = new byte[32];
        tiny[31] = 1;
        foreach (var key in new[] { smallest, largest, tiny })
        {
            var output = new byte[32];
            Assert.True(Base58.TryDecode32(TestEncoders.Base58(key), output));
            Assert.Equal(key, output);
        }
    }

    /// <summary>Mostly random digits, often the largest or smallest, so values land at both ends of a length.</summary>
    private static char Edge(Random random) => random.Next(3) switch
    {
        0 => 'z',
        1 => '1',
        _ => Base58.Alphabet[random.Next(58)],
    };

    [Fact]
    public void Every_code_unit_at_each_place_of_a_key_is_judged_as_the_reference_decode_judges_it()
    {
        // Each code unit at both ends and around the middle of a 44-character key and of a 32-character one: the
        // alphabet test, the leading '1's and the numeric bounds all see it.
        foreach (var key in new[] { "HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KD", "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7" })
        {
            foreach (var place in new[] { 0, 15, 16, key.Length - 17, key.Length - 16, key.Length - 1 })
            {
                for (var c = 0; c <= 0xFFFF; c++)
                {
                    var text = string.Concat(key.AsSpan(0, place), ((char)c).ToString(), key.AsSpan(place + 1));
                    var expected = text.All(ch => Base58.Alphabet.Contains(ch, StringComparison.Ordinal))
                        && TestEncoders.Base58Decode(text) is { Length: 32 } bytes && bytes.Any(b => b != 0);
                    if (expected != Base58.IsNonZeroKey32(text))
                    {
                        Assert.Fail($"U+{c:X4} at {place} of {key}: expected {expected}");
                    }
                }
            }
        }
    }
}
