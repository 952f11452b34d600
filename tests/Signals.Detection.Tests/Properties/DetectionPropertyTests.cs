using Signals.Detection.Codecs;
using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Properties;

/// <summary>Seeded random properties: a failure names its seed and case, so it can be replayed exactly.</summary>
public sealed class DetectionPropertyTests
{
    private const int Cases = 400;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_32_random_bytes_in_base58_are_found_inside_arbitrary_text(int seed)
    {
        var gen = new RandomText(seed);
        for (var i = 0; i < Cases; i++)
        {
            var key = gen.Bytes(32);
            if (key.All(b => b == 0))
            {
                continue;
            }

            var address = TestEncoders.Base58(key);
            var text = gen.Surround(address);
            Assert.True(Detect.Keys(text).Contains("solana:" + address), $"seed {seed} case {i}: {address} not found in «{text}»");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Any_20_random_bytes_in_eip55_form_are_found(int seed)
    {
        var gen = new RandomText(seed);
        for (var i = 0; i < Cases; i++)
        {
            var address = TestEncoders.Eip55(gen.Bytes(20));
            var text = gen.Surround(address);
            Assert.True(Detect.Keys(text).Contains("evm:" + address), $"seed {seed} case {i}: {address} not found in «{text}»");
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Flipping_the_case_of_one_checksummed_letter_rejects_the_address(int seed)
    {
        var gen = new RandomText(seed);
        var tested = 0;
        for (var i = 0; i < Cases; i++)
        {
            var address = TestEncoders.Eip55(gen.Bytes(20));
            var letters = Enumerable.Range(2, 40).Where(k => char.IsAsciiLetter(address[k])).ToList();
            if (letters.Count == 0)
            {
                continue;
            }

            var k = letters[gen.Random.Next(letters.Count)];
            var chars = address.ToCharArray();
            chars[k] = char.IsUpper(chars[k]) ? char.ToLowerInvariant(chars[k]) : char.ToUpperInvariant(chars[k]);
            var flipped = new string(chars);
            var hex = flipped[2..];
            if (hex.All(c => !char.IsAsciiLetterUpper(c)) || hex.All(c => !char.IsAsciiLetterLower(c)))
            {
                continue; // the flip made it single-case: then it carries no checksum and is legitimately accepted
            }

            tested++;
            Assert.False(Eip55.TryNormalize(flipped, out _), $"seed {seed} case {i}: {flipped}");
            Assert.Empty(Detect.In(gen.Surround(flipped)));
        }

        Assert.True(tested > Cases / 2);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Any_ton_account_in_friendly_form_is_found_and_any_one_character_change_is_rejected(int seed)
    {
        var gen = new RandomText(seed);
        const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (var i = 0; i < Cases; i++)
        {
            var flag = (byte)((gen.Random.Next(2) == 0 ? 0x11 : 0x51) | (gen.Random.Next(4) == 0 ? 0x80 : 0));
            var workchain = (sbyte)(gen.Random.Next(2) == 0 ? 0 : -1);
            var account = gen.Bytes(32);
            var address = TestEncoders.TonFriendly(flag, workchain, account, urlSafe: true);
            var canonical = TestEncoders.TonFriendly((byte)(0x11 | (flag & 0x80)), workchain, account, urlSafe: true);
            Assert.True(Detect.Keys(gen.Surround(address)).Contains("ton:" + canonical), $"seed {seed} case {i}: {address}");

            var k = gen.Random.Next(address.Length);
            var replacement = Base64Url[(Base64Url.IndexOf(address[k]) + 1 + gen.Random.Next(63)) % 64];
            var damaged = address[..k] + replacement + address[(k + 1)..];
            Assert.DoesNotContain(Detect.In(gen.Surround(damaged)), t => t.Chain == Chain.Ton);
        }
    }

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    [InlineData(43)]
    public void Random_unicode_never_throws_and_finds_nothing(int seed)
    {
        var gen = new RandomText(seed);
        for (var i = 0; i < Cases; i++)
        {
            var text = gen.AnyUnicode(300);
            var links = new[] { gen.AnyUnicode(40), "https://dexscreener.com/" + gen.AnyUnicode(60) };
            var found = TokenDetector.Default.Detect(text, links);
            Assert.True(found.Count == 0, $"seed {seed} case {i}: found {string.Join(",", found)} in «{text}»");
        }
    }

    [Theory]
    [InlineData(51)]
    [InlineData(52)]
    public void Whatever_is_found_in_mixed_noise_is_a_valid_bounded_address_present_in_the_text(int seed)
    {
        var gen = new RandomText(seed);
        const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        const string Glue = " :x-_/+$0OIl.\u200Bа"; // separators, non-base58 letters, an invisible and a Cyrillic letter
        var checkedTokens = 0;
        for (var i = 0; i < Cases; i++)
        {
            // Runs of base58 of every length around the valid range, glued by all kinds of characters.
            var builder = new System.Text.StringBuilder();
            while (builder.Length < 300)
            {
                var run = gen.Random.Next(20, 50);
                for (var c = 0; c < run; c++)
                {
                    builder.Append(Base58[gen.Random.Next(Base58.Length)]);
                }

                builder.Append(Glue[gen.Random.Next(Glue.Length)]);
            }

            var chars = builder.ToString().ToCharArray();
            var raw = new string(chars);
            var text = raw.Replace("\u200B", "", StringComparison.Ordinal); // as the detector sees it
            foreach (var token in TokenDetector.Default.Detect(raw))
            {
                checkedTokens++;
                Assert.Equal(Chain.Solana, token.Chain); // EVM and TON shapes are too unlikely to arise by chance
                var at = text.IndexOf(token.Address, StringComparison.Ordinal);
                Assert.True(at >= 0, $"seed {seed} case {i}: {token.Address} is not in the text");
                Assert.Equal(32, TestEncoders.Base58Decode(token.Address).Length);
                Assert.False(at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == 'а'), $"seed {seed} case {i}: {token.Address} is glued to a letter");
                var end = at + token.Address.Length;
                Assert.False(end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == 'а'), $"seed {seed} case {i}: {token.Address} is glued to a letter");
            }
        }

        Assert.True(checkedTokens > 0, "the noise generator should produce some chance addresses to check");
    }
}
