namespace Signals.Detection.Scanning;

/// <summary>A host we understand. <see cref="Chain"/> is the chain the host itself implies (explorers), if any.</summary>
internal sealed record KnownHost(string Host, LinkKind Kind, Chain? Chain)
{
    // An array, so that the loop in Find allocates no enumerator.
    private static readonly KnownHost[] Hosts =
    [
        new("dexscreener.com", LinkKind.DexScreener, null),
        new("birdeye.so", LinkKind.Birdeye, null),
        new("pump.fun", LinkKind.PumpFun, Detection.Chain.Solana),
        new("gmgn.ai", LinkKind.Gmgn, null),
        new("solscan.io", LinkKind.Solscan, Detection.Chain.Solana),
        new("jup.ag", LinkKind.Jupiter, Detection.Chain.Solana),
        new("etherscan.io", LinkKind.EvmExplorer, Detection.Chain.Ethereum),
        new("basescan.org", LinkKind.EvmExplorer, Detection.Chain.Base),
        new("bscscan.com", LinkKind.EvmExplorer, Detection.Chain.Bsc),
        new("arbiscan.io", LinkKind.EvmExplorer, Detection.Chain.Arbitrum),
        new("polygonscan.com", LinkKind.EvmExplorer, Detection.Chain.Polygon),
        new("snowtrace.io", LinkKind.EvmExplorer, Detection.Chain.Avalanche),
        new("snowscan.xyz", LinkKind.EvmExplorer, Detection.Chain.Avalanche),
    ];

    public static IReadOnlyList<KnownHost> All => Hosts;

    // Bit n is set when some known "name.tld" is n characters long.
    private static readonly ulong DomainLengths = Hosts.Aggregate(0UL, (bits, h) => bits | (1UL << h.Host.Length));

    // The top-level domains of the known hosts ("com", "so", "fun"…), lower case, each once.
    private static readonly string[] Tlds = Hosts.Select(h => h.Host[(h.Host.LastIndexOf('.') + 1)..]).Distinct().ToArray();

    /// <summary>True when <paramref name="tld"/> is the top-level domain of some known host.</summary>
    /// <remarks>Every dot in a post asks this: a few length checks and short compares, no hashing.</remarks>
    public static bool IsKnownTld(ReadOnlySpan<char> tld)
    {
        foreach (var known in Tlds)
        {
            if (AsciiCase.EqualsLower(tld, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the host, also as a subdomain ("www.", "m.", "app.").</summary>
    public static KnownHost? Find(ReadOnlySpan<char> host)
    {
        // Every known host is "name.tld": compare the last two labels only, and their length before their letters,
        // so the many dots of prose ("e.g.", "t.me", "3.5x") cost a few comparisons each.
        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return null;
        }

        return FindDomain(host[(host[..lastDot].LastIndexOf('.') + 1)..]);
    }

    /// <summary>Finds the host whose "name.tld" is exactly <paramref name="domain"/> (in any letter case).</summary>
    public static KnownHost? FindDomain(ReadOnlySpan<char> domain)
    {
        // Most dotted words of a post are no known host: their length alone says so.
        if (domain.Length >= 64 || (DomainLengths & (1UL << domain.Length)) == 0)
        {
            return null;
        }

        foreach (var known in Hosts)
        {
            if (AsciiCase.EqualsLower(domain, known.Host))
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>Chain slugs as the sites spell them in paths and query strings.</summary>
    public static Chain? ChainFromSlug(ReadOnlySpan<char> slug) => slug.Length switch
    {
        3 when AsciiCase.EqualsLower(slug, "sol") => Detection.Chain.Solana,
        3 when AsciiCase.EqualsLower(slug, "eth") => Detection.Chain.Ethereum,
        3 when AsciiCase.EqualsLower(slug, "bsc") || AsciiCase.EqualsLower(slug, "bnb") => Detection.Chain.Bsc,
        3 when AsciiCase.EqualsLower(slug, "arb") => Detection.Chain.Arbitrum,
        3 when AsciiCase.EqualsLower(slug, "ton") => Detection.Chain.Ton,
        4 when AsciiCase.EqualsLower(slug, "base") => Detection.Chain.Base,
        4 when AsciiCase.EqualsLower(slug, "avax") => Detection.Chain.Avalanche,
        5 when AsciiCase.EqualsLower(slug, "ether") => Detection.Chain.Ethereum,
        5 when AsciiCase.EqualsLower(slug, "matic") => Detection.Chain.Polygon,
        6 when AsciiCase.EqualsLower(slug, "solana") => Detection.Chain.Solana,
        7 when AsciiCase.EqualsLower(slug, "polygon") => Detection.Chain.Polygon,
        8 when AsciiCase.EqualsLower(slug, "ethereum") => Detection.Chain.Ethereum,
        8 when AsciiCase.EqualsLower(slug, "arbitrum") => Detection.Chain.Arbitrum,
        9 when AsciiCase.EqualsLower(slug, "avalanche") => Detection.Chain.Avalanche,
        _ => null,
    };
}
