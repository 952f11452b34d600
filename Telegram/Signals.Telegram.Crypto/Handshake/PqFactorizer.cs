namespace Signals.Telegram.Crypto;

/// <summary>
/// Splits resPQ's pq (a product of two primes below 2^32 each, sent as at most 8 big-endian bytes) into p &lt; q,
/// with Pollard's rho in Brent's variant over 64-bit arithmetic. The work is bounded, so a hostile pq costs at
/// most a few milliseconds and then fails.
/// </summary>
public static class PqFactorizer
{
    private const int BatchSize = 128;
    private const long MaxIterations = 1L << 24;

    /// <summary>Factors a big-endian pq. False when it is not at most 8 bytes or has no non-trivial factor.</summary>
    public static bool TryFactorize(ReadOnlySpan<byte> pqBigEndian, out ulong p, out ulong q)
    {
        p = q = 0;
        if (pqBigEndian.Length is 0 or > 8)
        {
            return false;
        }

        ulong pq = 0;
        foreach (var b in pqBigEndian)
        {
            pq = (pq << 8) | b;
        }

        return TryFactorize(pq, out p, out q);
    }

    public static bool TryFactorize(ulong pq, out ulong p, out ulong q)
    {
        p = q = 0;
        if (pq < 4 || PrimeTest.IsPrime(pq))
        {
            return false;
        }

        var divisor = pq % 2 == 0 ? 2 : FindDivisor(pq);
        if (divisor is 0 or 1 || divisor == pq)
        {
            return false;
        }

        var other = pq / divisor;
        (p, q) = divisor < other ? (divisor, other) : (other, divisor);
        return true;
    }

    /// <summary>Throwing form for callers that already trust their input.</summary>
    public static (ulong P, ulong Q) Factorize(ulong pq) =>
        TryFactorize(pq, out var p, out var q) ? (p, q) : throw new ArgumentException($"{pq} has no non-trivial factorisation.", nameof(pq));

    private static ulong FindDivisor(ulong n)
    {
        long budget = MaxIterations;
        // A fixed sequence of polynomial constants keeps the result reproducible; each failure moves to the next.
        for (ulong c = 1; budget > 0; c++)
        {
            var divisor = Brent(n, c, seed: c + 1, ref budget);
            if (divisor != 0 && divisor != n)
            {
                return divisor;
            }
        }

        return 0;
    }

    private static ulong Brent(ulong n, ulong c, ulong seed, ref long budget)
    {
        ulong y = seed % n, x = y, ys = y, g = 1, product = 1;
        for (ulong r = 1; g == 1; r <<= 1)
        {
            x = y;
            for (ulong i = 0; i < r; i++)
            {
                y = Step(y, c, n);
            }

            for (ulong k = 0; k < r && g == 1; k += BatchSize)
            {
                ys = y;
                var batch = Math.Min(BatchSize, r - k);
                for (ulong i = 0; i < batch; i++)
                {
                    y = Step(y, c, n);
                    product = MulMod(product, x > y ? x - y : y - x, n);
                }

                budget -= (long)batch;
                g = Gcd(product, n);
                if (budget <= 0)
                {
                    return 0;
                }
            }
        }

        if (g == n)
        {
            // The batch overshot: walk it again one step at a time.
            do
            {
                ys = Step(ys, c, n);
                g = Gcd(x > ys ? x - ys : ys - x, n);
            }
            while (g == 1);
        }

        return g;
    }

    private static ulong Step(ulong value, ulong c, ulong n) => (ulong)((((UInt128)value * value) + c) % n);

    internal static ulong MulMod(ulong a, ulong b, ulong n) => (ulong)((UInt128)a * b % n);

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
