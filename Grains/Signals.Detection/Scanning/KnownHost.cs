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

    // The top-level domains of the known hosts ("com", "so", "fun"…), looked up by span.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Tlds =
        new HashSet<string>(Hosts.Select(h => h.Host[(h.Host.LastIndexOf('.') + 1)..]), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="tld"/> is the top-level domain of some known host.</summary>
    public static bool IsKnownTld(ReadOnlySpan<char> tld) => tld.Length is >= 2 and <= 3 && Tlds.Contains(tld);

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

        var domain = host[(host[..lastDot].LastIndexOf('.') + 1)..];
        foreach (var known in Hosts)
        {
            if (known.Host.Length == domain.Length && domain.Equals(known.Host, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>Chain slugs as the sites spell them in paths and query strings.</summary>
    public static Chain? ChainFromSlug(ReadOnlySpan<char> slug)
    {
        Span<char> lower = stackalloc char[Math.Min(slug.Length, 16)];
        if (slug.Length > 16)
        {
            return null;
        }

        slug.ToLowerInvariant(lower);
        return lower switch
        {
            "solana" or "sol" => Detection.Chain.Solana,
            "ethereum" or "eth" or "ether" => Detection.Chain.Ethereum,
            "base" => Detection.Chain.Base,
            "bsc" or "bnb" => Detection.Chain.Bsc,
            "arbitrum" or "arb" => Detection.Chain.Arbitrum,
            "polygon" or "matic" => Detection.Chain.Polygon,
            "avalanche" or "avax" => Detection.Chain.Avalanche,
            "ton" => Detection.Chain.Ton,
            _ => null,
        };
    }
}
