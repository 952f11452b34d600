using Signals.Detection.Scanning;

namespace Signals.Detection.Tests.Differential;

/// <summary>The inline searches against a plain loop: every start and end, near the text's end, and past 64 characters.</summary>
public sealed class ShortSearchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Random_ranges_find_what_the_plain_loop_finds(int seed)
    {
        const string Pool = "ab/?#:=&.x\u2F2F\u012F";
        var random = new Random(seed);
        for (var trial = 0; trial < 3000; trial++)
        {
            // Mostly sparse hits, so searches also run past the inline 64 characters into the library's.
            var chars = new char[random.Next(0, 200)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = random.Next(8) == 0 ? Pool[random.Next(Pool.Length)] : 'x';
            }

            var text = new string(chars);
            for (var probe = 0; probe < 20; probe++)
            {
                var from = random.Next(0, text.Length + 1);
                var end = random.Next(from, text.Length + 1);
                Assert.Equal(Plain(text, from, end, "/?#:"), ShortSearch.IndexOfAny(text, from, end, '/', '?', '#', ':'));
                Assert.Equal(Plain(text, from, end, "&#"), ShortSearch.IndexOfAny(text, from, end, '&', '#', '#', '#'));
                Assert.Equal(Plain(text, from, end, "."), ShortSearch.IndexOf(text, from, end, '.'));
            }
        }
    }

    [Fact]
    public void Every_start_and_end_of_short_texts_and_their_last_block()
    {
        // The last 16 characters are loaded from the text's end, so a search near it starts inside the block;
        // texts under 16 characters are read one by one.
        foreach (var text in new[] { "a.b/c?d#e:f", "0123456789abcd./", "0123456789abcdef./?", new string('x', 40) + "./" + new string('y', 7) + "/" })
        {
            for (var from = 0; from <= text.Length; from++)
            {
                for (var end = from; end <= text.Length; end++)
                {
                    Assert.Equal(Plain(text, from, end, "/?#:"), ShortSearch.IndexOfAny(text, from, end, '/', '?', '#', ':'));
                    Assert.Equal(Plain(text, from, end, "."), ShortSearch.IndexOf(text, from, end, '.'));
                }
            }
        }
    }

    [Fact]
    public void A_character_whose_low_byte_matches_is_no_hit()
    {
        // U+2F2F and U+012F share their low byte with '/': the compare is of whole 16-bit units.
        var text = new string('\u2F2F', 30) + "\u012F/";
        Assert.Equal(31, ShortSearch.IndexOfAny(text, 0, text.Length, '/', '?', '#', ':'));
        Assert.Equal(text.Length, ShortSearch.IndexOf(text, 0, text.Length, '.'));
    }

    private static int Plain(string text, int from, int end, string stops)
    {
        for (var i = from; i < end; i++)
        {
            if (stops.Contains(text[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return end;
    }
}
