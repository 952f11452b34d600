namespace Signals.Telegram.Crypto.Tests.Support;

/// <summary>Primes for test inputs by plain trial division, independent of the code under test.</summary>
internal static class TestPrimes
{
    public static ulong NextPrime(ulong from)
    {
        for (var candidate = from | 1; ; candidate += 2)
        {
            if (IsPrime(candidate))
            {
                return candidate;
            }
        }
    }

    public static bool IsPrime(ulong n)
    {
        if (n < 2)
        {
            return false;
        }

        for (ulong d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
