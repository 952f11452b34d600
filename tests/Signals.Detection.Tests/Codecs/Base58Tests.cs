using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Codecs;

public sealed class Base58Tests
{
    [Fact]
    public void Wrapped_sol_mint_decodes_to_its_published_bytes()
    {
        // The wSOL mint's public key, as shown by Solana explorers in hex.
        var bytes = new byte[32];
        Assert.True(Base58.TryDecode32("So11111111111111111111111111111111111111112", bytes));
        Assert.Equal("069b8857feab8184fb687f634618c035dac439dc1aeb3b5598a0f00000000001", Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Leading_ones_are_leading_zero_bytes()
    {
        var bytes = new byte[32];
        Assert.True(Base58.TryDecode32(new string('1', 32), bytes));
        Assert.All(bytes, b => Assert.Equal(0, b));
        Assert.False(Base58.TryDecode32(new string('1', 31), bytes));
        Assert.False(Base58.TryDecode32(new string('1', 33), bytes));
    }

    [Fact]
    public void Values_needing_more_or_fewer_than_32_bytes_are_rejected()
    {
        var bytes = new byte[32];
        Assert.False(Base58.TryDecode32(Support.TestEncoders.Base58(Enumerable.Repeat((byte)0xFF, 33).ToArray()), bytes));
        Assert.False(Base58.TryDecode32(Support.TestEncoders.Base58([.. Enumerable.Repeat((byte)0xFF, 31)]), bytes));
        Assert.True(Base58.TryDecode32(Support.TestEncoders.Base58([.. Enumerable.Repeat((byte)0xFF, 32)]), bytes));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('O')]
    [InlineData('I')]
    [InlineData('l')]
    public void Characters_outside_the_alphabet_are_rejected(char outsider)
    {
        var text = "HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1K" + outsider;
        Assert.False(Base58.TryDecode32(text, new byte[32]));
    }
}
