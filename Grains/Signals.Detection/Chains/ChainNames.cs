namespace Signals.Detection;

/// <summary>The wire names of <see cref="Chain"/> used in JSON, keys and the CLI.</summary>
public static class ChainNames
{
    public static string ToName(Chain c) => c switch
    {
        Chain.Solana => "solana",
        Chain.Ethereum => "ethereum",
        Chain.Base => "base",
        Chain.Bsc => "bsc",
        Chain.Arbitrum => "arbitrum",
        Chain.Polygon => "polygon",
        Chain.Avalanche => "avalanche",
        Chain.Evm => "evm",
        Chain.Ton => "ton",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "Unknown chain."),
    };

    /// <summary>Parses a canonical chain name, ignoring case. Aliases ("sol", "eth") are not accepted here.</summary>
    public static bool TryParse(string name, out Chain chain)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "solana": chain = Chain.Solana; return true;
            case "ethereum": chain = Chain.Ethereum; return true;
            case "base": chain = Chain.Base; return true;
            case "bsc": chain = Chain.Bsc; return true;
            case "arbitrum": chain = Chain.Arbitrum; return true;
            case "polygon": chain = Chain.Polygon; return true;
            case "avalanche": chain = Chain.Avalanche; return true;
            case "evm": chain = Chain.Evm; return true;
            case "ton": chain = Chain.Ton; return true;
            default: chain = default; return false;
        }
    }

    /// <summary>True for every chain whose addresses are 0x + 40 hex.</summary>
    public static bool IsEvm(this Chain c) => c is Chain.Ethereum or Chain.Base or Chain.Bsc or Chain.Arbitrum
        or Chain.Polygon or Chain.Avalanche or Chain.Evm;
}
