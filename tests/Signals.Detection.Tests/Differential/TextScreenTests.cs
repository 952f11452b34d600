using System.Runtime.Intrinsics;
using System.Text;
using Signals.Detection.Scanning;

namespace Signals.Detection.Tests.Differential;

/// <summary>
/// The address scan reads a post's blocks anyway and notes what the later searches look for: a code unit that could be
/// invisible (U+00AD or above), a dot, a '$'. A post without one is not searched for it, so a character missed
/// anywhere (a tested block, the rest of the block a run ends in, the tail) would lose an address split by a
/// zero-width space, a link or a cashtag.
/// </summary>
public sealed class TextScreenTests
{
    // None of what the screen looks for: ASCII without '.' and '$', and the Latin-1 characters before the soft hyphen
    // (no-break space, "¬").
    private const string LowPool = "ab1 :/-_+xyz,!#\u00A0\u00AC";

    private const string Address = "EyRd6BnQRXJX1JATX9gbeDP37cRSGTWwBv5joWqSDWS2";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_character_the_screen_looks_for_is_seen_wherever_it_is(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 60; round++)
        {
            var text = LowText(random);
            var plain = AddressScanner.FindCandidates(text, [], []);
            if (Vector256.IsHardwareAccelerated)
            {
                Assert.False(plain.MayHoldInvisible || plain.MayHoldDot || plain.MayHoldDollar, $"none of them in «{text}»");
            }

            foreach (var added in new[] { '\u00AD', '\u200B', '\uFEFF', '\uFFFF', 'é', '.', '$' })
            {
                for (var at = 0; at <= text.Length; at++)
                {
                    var withAdded = text.Insert(at, added.ToString());
                    var screen = AddressScanner.FindCandidates(withAdded, [], []);
                    var seen = added switch
                    {
                        '.' => screen.MayHoldDot,
                        '$' => screen.MayHoldDollar,
                        _ => screen.MayHoldInvisible,
                    };
                    Assert.True(seen, $"U+{(int)added:X4} at {at} of «{withAdded}»");
                }
            }
        }
    }

    [Fact]
    public void Links_and_cashtags_are_found_wherever_their_dot_and_dollar_fall_in_a_block()
    {
        for (var pad = 0; pad < 40; pad++)
        {
            foreach (var before in new[] { "", new string('q', 300) + " " })
            {
                var filler = before + new string('w', pad) + " ";
                var link = TokenDetector.Default.Detect(filler + "pump.fun/coin/" + Address);
                Assert.True(link.Count == 1 && link[0].Address == Address, $"link, pad {pad}, {before.Length} before");

                var labelled = TokenDetector.Default.Detect(filler + "$WIF " + Address);
                Assert.True(labelled.Count == 1 && labelled[0].Ticker == "WIF", $"cashtag, pad {pad}, {before.Length} before");

                var ended = TokenDetector.Default.Detect(filler + Address + " $WIF");
                Assert.True(ended.Count == 1 && ended[0].Ticker == "WIF", $"cashtag at the end, pad {pad}, {before.Length} before");
            }
        }
    }

    [Fact]
    public void An_address_split_by_a_zero_width_space_is_found_wherever_the_space_falls_in_a_block()
    {
        for (var pad = 0; pad < 40; pad++)
        {
            foreach (var cut in new[] { 5, 20, 31, 35, 39 })
            {
                foreach (var before in new[] { "", "CA ", new string('q', 300) + " CA " })
                {
                    // The part before the space is a long run when the cut is late, so the space falls in the block
                    // where that run ends; the padding moves it through every place of a block.
                    var text = before + new string('w', pad) + " " + Address[..cut] + "\u200B" + Address[cut..] + (pad % 2 == 0 ? "" : " ok");
                    var found = TokenDetector.Default.Detect(text);
                    Assert.True(found.Count == 1 && found[0].Address == Address, $"pad {pad}, cut {cut}, {before.Length} before: {string.Join(", ", found)}");
                }
            }
        }
    }

    private static string LowText(Random random)
    {
        var builder = new StringBuilder();
        var pieces = random.Next(0, 12);
        for (var k = 0; k < pieces; k++)
        {
            var length = random.Next(4) switch
            {
                0 => random.Next(31, 80),   // a long run
                1 => random.Next(256, 300), // a run the other searches skip
                _ => random.Next(0, 12),    // prose
            };
            var run = random.Next(4) > 0 && length > 30;
            for (var i = 0; i < length; i++)
            {
                builder.Append(run ? (char)('a' + random.Next(26)) : LowPool[random.Next(LowPool.Length)]);
            }

            builder.Append(' ');
        }

        return builder.ToString(0, Math.Max(0, builder.Length - random.Next(2)));
    }
}
