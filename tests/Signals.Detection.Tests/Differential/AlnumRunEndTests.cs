using Signals.Detection.Scanning;

namespace Signals.Detection.Tests.Differential;

/// <summary>The 64-characters-a-step search for the end of a letter-and-digit run against a plain loop.</summary>
public sealed class AlnumRunEndTests
{
    [Fact]
    public void Every_utf16_code_unit_ends_a_run_exactly_when_it_is_not_an_ascii_letter_or_digit()
    {
        // The code unit sits at each place of a 64-character step and in the tail after the last whole step. Code
        // units above 0xFF saturate when packed to bytes (to 0xFF, or to 0 when read as negative): the low byte of
        // U+0141 is 'A', of U+8041 too, and neither may pass as a letter.
        var prefix = new string('x', 130);
        for (var c = 0; c <= 0xFFFF; c++)
        {
            foreach (var at in new[] { 0, 31, 32, 63, 64, 100, 129 })
            {
                var text = string.Concat(prefix.AsSpan(0, at), ((char)c).ToString(), prefix.AsSpan(at));
                Assert.Equal(Plain(text), AlnumRunEnd.IndexOfNonAlnum(text));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Random_runs_end_where_the_plain_loop_says(int seed)
    {
        const string Runs = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        const string Ends = " -_+/.:@[`{\0\u007F\u0080\u00FF\u0100\u0141\u0430\u8041\uFFFF";
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = Runs[random.Next(Runs.Length)];
            }

            // None, one or several ends, anywhere.
            for (var e = random.Next(0, 3); e > 0 && chars.Length > 0; e--)
            {
                chars[random.Next(chars.Length)] = Ends[random.Next(Ends.Length)];
            }

            var text = new string(chars);
            Assert.Equal(Plain(text), AlnumRunEnd.IndexOfNonAlnum(text));
        }
    }

    private static int Plain(string text)
    {
        for (var k = 0; k < text.Length; k++)
        {
            if (!(text[k] is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z'))
            {
                return k;
            }
        }

        return -1;
    }
}
