using Signals.Telegram.Crypto.Tests.Support;

namespace Signals.Telegram.Crypto.Tests.Crypto;

public sealed class PqFactorizerTests
{
    [Fact]
    public void Products_of_two_primes_split_into_the_ordered_pair()
    {
        var random = new Random(6001);
        for (var i = 0; i < 60; i++)
        {
            var a = TestPrimes.NextPrime((ulong)random.NextInt64(2, 1L << 32));
            var b = TestPrimes.NextPrime((ulong)random.NextInt64(2, 1L << 32));
            Assert.True(PqFactorizer.TryFactorize(a * b, out var p, out var q));
            Assert.Equal(Math.Min(a, b), p);
            Assert.Equal(Math.Max(a, b), q);
        }
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(3UL)]
    [InlineData(4294967291UL)]
    [InlineData(18446744073709551557UL)] // the largest 64-bit prime
    public void Numbers_without_a_factorisation_are_refused(ulong pq) =>
        Assert.False(PqFactorizer.TryFactorize(pq, out _, out _));

    [Fact]
    public void Even_pq_splits_off_two() => Assert.Equal((2UL, 4294967291UL), PqFactorizer.Factorize(2 * 4294967291UL));

    [Fact]
    public void Oversized_or_empty_pq_bytes_are_refused()
    {
        Assert.False(PqFactorizer.TryFactorize(new byte[9] { 1, 0, 0, 0, 0, 0, 0, 0, 1 }, out _, out _));
        Assert.False(PqFactorizer.TryFactorize([], out _, out _));
    }
}
