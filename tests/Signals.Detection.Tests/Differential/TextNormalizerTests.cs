using System.Text;
using Signals.Detection.Scanning;

namespace Signals.Detection.Tests.Differential;

/// <summary>The vectorised search for invisible characters against a plain per-character filter.</summary>
public sealed class TextNormalizerTests
{
    private static readonly string Padding = new('x', 40);

    [Fact]
    public void Every_utf16_code_unit_is_stripped_exactly_when_it_is_invisible()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            // Short texts are read one character at a time, longer ones 16 at a step: the character sits at the first,
            // a middle and the last place of a step, and in the tail after the last whole step.
            foreach (var text in new[] { ch.ToString(), "abc" + ch + "def", new string('x', 40) + ch, "é" + ch + "é", ch + Padding, "é" + Padding[..6] + ch + Padding, "é" + Padding[..14] + ch + Padding })
            {
                Assert.Equal(Plain(text), TextNormalizer.StripInvisible(text));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Random_text_with_visible_look_alikes_of_the_range_is_stripped_like_the_plain_filter(int seed)
    {
        // Dashes, quotes and ellipsis share U+2010…U+206F with the invisible characters.
        const string Pool = "ab1 \u00AD\u00AC\u00AE\u180E\u200B\u200D\u200F\u2010\u2014\u201C\u2026\u202A\u202E\u202F\u2060\u2064\u2065\u2066\u2069\u206A\uFEFF\uFEFEé🚀合";
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 60);
            for (var k = 0; k < length; k++)
            {
                builder.Append(Pool[random.Next(Pool.Length)]);
            }

            var text = builder.ToString();
            Assert.Equal(Plain(text), TextNormalizer.StripInvisible(text));
        }
    }

    private static string Plain(string text) => new(text.Where(c => !TextNormalizer.IsInvisible(c)).ToArray());
}
