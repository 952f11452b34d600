using System.Security.Cryptography;
using System.Text;
using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Codecs;

public sealed class Keccak256Tests
{
    // Published Keccak-256 digests (the Keccak team's reference / Ethereum's keccak256 of these strings).
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Keccak256_matches_published_digests(string input, string expectedHex)
    {
        var digest = new byte[32];
        Keccak256.Hash(Encoding.ASCII.GetBytes(input), digest);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Keccak_differs_from_dotnet_sha3_256()
    {
        var digest = new byte[32];
        Keccak256.Hash(Encoding.ASCII.GetBytes("abc"), digest);
        Assert.True(SHA3_256.IsSupported);
        Assert.NotEqual(SHA3_256.HashData(Encoding.ASCII.GetBytes("abc")), digest);
    }

    [Fact]
    public void The_same_sponge_with_sha3_padding_equals_dotnet_sha3_256_across_block_boundaries()
    {
        // The permutation and the multi-block sponge get an independent oracle: FIPS 202 differs only in padding.
        Assert.True(SHA3_256.IsSupported, "SHA3-256 is needed as the oracle (OpenSSL 1.1.1 or later).");
        var random = new Random(55);
        foreach (var length in new[] { 0, 1, 7, 8, 39, 40, 41, 55, 127, 128, 134, 135, 136, 137, 271, 272, 273, 1000 })
        {
            var input = new byte[length];
            random.NextBytes(input);
            var digest = new byte[32];
            Keccak256.Sponge(input, digest, padding: 0x06);
            Assert.Equal(SHA3_256.HashData(input), digest);
        }
    }

    // FIPS 202 example values (NIST CSRC "Cryptographic Standards and Guidelines: Examples with Intermediate
    // Values", SHA3-256 of "abc" and of the empty message): the same sponge with SHA-3's padding byte.
    [Theory]
    [InlineData("", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")]
    [InlineData("abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")]
    public void Sponge_with_sha3_padding_matches_the_fips_202_examples(string input, string expectedHex)
    {
        var digest = new byte[32];
        Keccak256.Sponge(Encoding.ASCII.GetBytes(input), digest, padding: 0x06);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(digest));
    }

    [Theory]
    [InlineData(Keccak256.KeccakPadding)]
    [InlineData((byte)0x06)]
    public void Forty_byte_inputs_hash_as_the_reference_one_block_sponge(byte padding)
    {
        // 40 bytes (an address in hex) take a path of their own; it must equal the plain sponge on the scalar
        // permutation, for hex text and for arbitrary bytes.
        var random = new Random(40);
        for (var trial = 0; trial < 2000; trial++)
        {
            var input = new byte[Keccak256.AddressHexBytes];
            if (trial % 2 == 0)
            {
                random.NextBytes(input);
            }
            else
            {
                var hex = new byte[20];
                random.NextBytes(hex);
                input = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hex));
            }

            var digest = new byte[32];
            Keccak256.Sponge(input, digest, padding);
            Assert.Equal(ReferenceKeccak.OneBlockSponge(input, padding), digest);
        }
    }

    [Fact]
    public void Short_inputs_of_every_length_hash_as_the_reference_one_block_sponge()
    {
        var random = new Random(136);
        for (var length = 0; length < 136; length++)
        {
            var input = new byte[length];
            random.NextBytes(input);
            var digest = new byte[32];
            Keccak256.Hash(input, digest);
            Assert.Equal(ReferenceKeccak.OneBlockSponge(input, Keccak256.KeccakPadding), digest);
        }
    }

    [Fact]
    public void A_digest_shorter_than_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Keccak256.Hash(new byte[40], new byte[31]));
    }
}
