using System.Numerics;

namespace Signals.Telegram.Crypto.Tests.Crypto;

public sealed class DhChecksTests
{
    private static readonly BigInteger TelegramPrime = BigEndian.ToBigInteger(DhChecks.KnownTelegramPrime);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(-3)]
    public void Generators_outside_2_to_7_are_refused(int g) =>
        Assert.Equal(DhCheckFailure.GeneratorOutOfRange, DhChecks.Validate(DhChecks.KnownTelegramPrime, g));

    [Fact]
    public void Telegram_prime_accepts_exactly_the_generators_its_residues_allow()
    {
        var accepted = Enumerable.Range(2, 6).Where(g => DhChecks.Validate(DhChecks.KnownTelegramPrime, g) is null).ToList();
        var expected = Enumerable.Range(2, 6).Where(g => BigInteger.ModPow(g, (TelegramPrime - 1) / 2, TelegramPrime).IsOne).ToList();
        Assert.Equal(expected, accepted);
        Assert.Contains(3, accepted);
    }

    [Fact]
    public void A_composite_2048_bit_number_is_not_a_safe_prime()
    {
        var notPrime = BigEndian.ToFixedBytes(TelegramPrime + 2, 256);
        Assert.Equal(DhCheckFailure.NotSafePrime, DhChecks.Validate(notPrime, 4));
    }

    [Fact]
    public void A_prime_of_the_wrong_size_is_refused()
    {
        Assert.Equal(DhCheckFailure.PrimeWrongSize, DhChecks.Validate(BigEndian.ToBytes(BigInteger.Parse("2147483647")), 3));
        Assert.Throws<DhCheckException>(() => DhChecks.CheckPrimeAndGenerator(new byte[256], 3));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(7, true)]
    [InlineData(23, true)]
    [InlineData(47, true)]
    [InlineData(2039, true)]
    [InlineData(13, false)]
    [InlineData(29, false)]
    [InlineData(2041, false)]
    [InlineData(4, false)]
    public void Safe_primes_are_told_apart_from_other_numbers(int candidate, bool safe) =>
        Assert.Equal(safe, DhChecks.IsSafePrime(candidate));

    [Fact]
    public void Public_values_near_the_edges_are_refused()
    {
        var margin = BigInteger.One << (2048 - 64);
        Assert.False(DhChecks.IsGoodPublicValue(BigInteger.One, TelegramPrime));
        Assert.False(DhChecks.IsGoodPublicValue(TelegramPrime - 1, TelegramPrime));
        Assert.False(DhChecks.IsGoodPublicValue(margin - 1, TelegramPrime));
        Assert.False(DhChecks.IsGoodPublicValue(TelegramPrime - margin + 1, TelegramPrime));
        Assert.True(DhChecks.IsGoodPublicValue(margin, TelegramPrime));
        Assert.True(DhChecks.IsGoodPublicValue(TelegramPrime - margin, TelegramPrime));
        Assert.Equal(DhCheckFailure.PublicValueOutOfRange, Assert.Throws<DhCheckException>(() => DhChecks.CheckPublicValue(2, TelegramPrime)).Failure);
    }
}
