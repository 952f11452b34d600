using System.Text;
using Signals.Detection.Codecs;
using Signals.Detection.Scanning;
using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Differential;

/// <summary>
/// The optimised scanner (block skipping, vectorised runs, early length rejection, limb base58) against the plain
/// <see cref="ReferenceAddressScanner"/>, on seeded address-dense text and on mutated corpus posts. A failure
/// names the seed and case so it can be replayed.
/// </summary>
public sealed class AddressScannerDifferentialTests
{
    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    [InlineData(104)]
    public void Scanner_agrees_with_the_reference_on_address_dense_random_text(int seed)
    {
        var gen = new DenseText(seed);
        var found = 0;
        for (var i = 0; i < 300; i++)
        {
            var text = gen.Next();
            found += AssertSame(text, $"seed {seed} case {i}");
        }

        Assert.True(found > 300, $"the generator should plant many valid addresses, found {found}");
    }

    [Fact]
    public void Scanner_agrees_with_the_reference_on_mutated_corpus_posts()
    {
        var random = new Random(7);
        var posts = CorpusPost.Load();
        Assert.NotEmpty(posts);
        var texts = posts.Select(p => p.Text).Concat(posts.SelectMany(p => p.Links)).ToList();
        foreach (var text in texts)
        {
            AssertSame(text, "corpus as is");
        }

        for (var i = 0; i < 600; i++)
        {
            var text = Mutate(texts[random.Next(texts.Count)], texts[random.Next(texts.Count)], random);
            AssertSame(text, $"mutation {i}");
        }
    }

    [Fact]
    public void Scanner_agrees_with_the_reference_on_runs_that_straddle_block_edges()
    {
        // Every length from 28 to 70 at every offset modulo 16, so each run meets the 16-character blocks every way.
        var random = new Random(5);
        for (var length = 28; length <= 70; length++)
        {
            for (var offset = 0; offset < 20; offset++)
            {
                var run = new string(Enumerable.Range(0, length).Select(_ => Base58.Alphabet[random.Next(58)]).ToArray());
                var key = TestEncoders.Base58(RandomKey(random));
                var text = new string('.', offset) + run + " " + key + (offset % 2 == 0 ? "" : "_" + run);
                AssertSame(text, $"length {length} offset {offset}");
            }
        }
    }

    private static int AssertSame(string text, string label)
    {
        var bare = new ScratchList<Occurrence>();
        var ton = new ScratchList<Occurrence>();
        var shaped = new List<TextRange>();
        AddressScanner.Scan(text, 0, bare, ton, shaped);

        var expected = ReferenceAddressScanner.Scan(text);
        var actualBare = bare.ToArray().Select(o => $"{o.Start}-{o.End} {(o.Chain == Chain.Evm ? "evm" : "solana")} {o.Address}").ToList();
        var actualTon = ReferenceAddressScanner.Sorted(ton.ToArray().Select(o => $"{o.Start}-{o.End} ton {o.Address}"));
        var actualShaped = ReferenceAddressScanner.Sorted(shaped.Select(r => $"{r.Start}-{r.End}"));
        Assert.True(expected.Bare.SequenceEqual(actualBare), $"{label}: bare differs in «{text}»\nexpected {string.Join(", ", expected.Bare)}\nactual   {string.Join(", ", actualBare)}");
        Assert.True(expected.Ton.SequenceEqual(actualTon), $"{label}: TON differs in «{text}»\nexpected {string.Join(", ", expected.Ton)}\nactual   {string.Join(", ", actualTon)}");
        Assert.True(expected.TonShaped.SequenceEqual(actualShaped), $"{label}: TON-shaped differs in «{text}»");
        return bare.Count + ton.Count;
    }

    private static string Mutate(string text, string donor, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(4))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(at == builder.Length ? at - 1 : at, 1);
                    break;
                case 1:
                    builder.Insert(at, DenseText.Glue[random.Next(DenseText.Glue.Length)]);
                    break;
                case 2 when donor.Length > 0:
                    var from = random.Next(donor.Length);
                    builder.Insert(at, donor.AsSpan(from, Math.Min(donor.Length - from, random.Next(1, 80))));
                    break;
                default:
                    builder.Insert(at, DenseText.Base58Run(random, random.Next(1, 50)));
                    break;
            }
        }

        return builder.ToString();
    }

    private static byte[] RandomKey(Random random)
    {
        var key = new byte[32];
        random.NextBytes(key);
        key[31] |= 1; // never all zero
        return key;
    }

    /// <summary>Text made mostly of address-like pieces glued by separators and look-alike characters.</summary>
    private sealed class DenseText(int seed)
    {
        public static readonly string[] Glue =
        [
            " ", " ", "\n", "-", "_", "+", "/", ":", "0:", "-1:", ".", ",", "о", "𝐀", "\u0301", "合约", "🚀", "\uD800", "\uDC00",
            "$", "x", "0x", "=", "?", "é", "١", "Ⅻ", "²",
        ];

        private readonly Random _random = new(seed);

        public static string Base58Run(Random random, int length) =>
            new(Enumerable.Range(0, length).Select(_ => Base58.Alphabet[random.Next(58)]).ToArray());

        public string Next()
        {
            var builder = new StringBuilder();
            var pieces = _random.Next(1, 12);
            for (var p = 0; p < pieces; p++)
            {
                builder.Append(Piece());
                builder.Append(Glue[_random.Next(Glue.Length)]);
            }

            return builder.ToString();
        }

        private string Piece()
        {
            switch (_random.Next(9))
            {
                case 0:
                    return TestEncoders.Base58(Key(leadingZeros: _random.Next(4) == 0 ? _random.Next(1, 4) : 0));
                case 1:
                    return Base58Run(_random, _random.Next(28, 50));
                case 2:
                    // Leading '1's and a 43/44-letter body: where the length bounds of the decoder bite.
                    return new string('1', _random.Next(0, 4)) + Base58Run(_random, _random.Next(40, 45));
                case 3:
                    var evm = TestEncoders.Eip55(Bytes(20));
                    return _random.Next(3) switch { 0 => evm, 1 => evm.ToLowerInvariant(), _ => FlipOne(evm) };
                case 4:
                    return TestEncoders.TonFriendly((byte)(_random.Next(2) == 0 ? 0x11 : 0x51), (sbyte)(_random.Next(2) == 0 ? 0 : -1), Bytes(32), urlSafe: _random.Next(2) == 0);
                case 5:
                    var friendly = TestEncoders.TonFriendly(0x11, 0, Bytes(32), urlSafe: true);
                    return friendly[..10] + (friendly[10] == 'A' ? 'B' : 'A') + friendly[11..]; // bad CRC, TON header
                case 6:
                    return (_random.Next(2) == 0 ? "0:" : "-1:") + Convert.ToHexString(Bytes(32));
                case 7:
                    return TestEncoders.Base58(Bytes(_random.Next(30, 35))); // 30–34 bytes: near misses
                default:
                    return Base58Run(_random, _random.Next(1, 12));
            }
        }

        private string FlipOne(string evm)
        {
            var chars = evm.ToCharArray();
            var k = _random.Next(2, 42);
            chars[k] = char.IsUpper(chars[k]) ? char.ToLowerInvariant(chars[k]) : char.ToUpperInvariant(chars[k]);
            return new string(chars);
        }

        private byte[] Key(int leadingZeros)
        {
            var key = Bytes(32);
            key.AsSpan(0, leadingZeros).Clear();
            key[31] |= 1;
            return key;
        }

        private byte[] Bytes(int count)
        {
            var bytes = new byte[count];
            _random.NextBytes(bytes);
            return bytes;
        }
    }
}
