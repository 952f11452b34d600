using System.Runtime.Intrinsics;
using System.Text;
using Signals.Detection.Scanning;

namespace Signals.Detection.Tests.Differential;

/// <summary>
/// The address scan reads a post's blocks anyway and notes its highest code unit; a post with none at U+00AD or above
/// is not searched for invisible characters. A code unit missed anywhere (a tested block, the rest of the block a run
/// ends in, the tail) would leave an address split by a zero-width space unfound.
/// </summary>
public sealed class InvisibleScreeningTests
{
    // Below U+00AD: ASCII, and the Latin-1 characters before the soft hyphen (no-break space, "¬").
    private const string LowPool = "ab1 .:$/-_+xyz\u00A0\u00AC";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_code_unit_at_or_above_U00AD_anywhere_in_the_text_is_seen(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 60; round++)
        {
            var text = LowText(random);
            if (Vector256.IsHardwareAccelerated)
            {
                Assert.False(AddressScanner.FindCandidates(text, [], []), $"nothing at or above U+00AD in «{text}»");
            }

            foreach (var high in new[] { '\u00AD', '\u200B', '\uFEFF', '\uFFFF', 'é' })
            {
                for (var at = 0; at <= text.Length; at++)
                {
                    var withHigh = text.Insert(at, high.ToString());
                    Assert.True(AddressScanner.FindCandidates(withHigh, [], []), $"U+{(int)high:X4} at {at} of «{withHigh}»");
                }
            }
        }
    }

    [Fact]
    public void An_address_split_by_a_zero_width_space_is_found_wherever_the_space_falls_in_a_block()
    {
        const string Address = "EyRd6BnQRXJX1JATX9gbeDP37cRSGTWwBv5joWqSDWS2";
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
