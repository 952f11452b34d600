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
        foreach (var length in new[] { 0, 1, 55, 135, 136, 137, 271, 272, 273, 1000 })
        {
            var input = new byte[length];
            random.NextBytes(input);
            var digest = new byte[32];
            Keccak256.Sponge(input, digest, padding: 0x06);
            Assert.Equal(SHA3_256.HashData(input), digest);
        }
    }
}
