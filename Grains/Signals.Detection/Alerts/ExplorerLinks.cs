namespace Signals.Detection;

/// <summary>Where a trader looks a token up: its DexScreener page and the chain's block explorer.</summary>
public static class ExplorerLinks
{
    public static string DexScreener(DetectedToken token) => token.Chain switch
    {
        Chain.Evm => $"https://dexscreener.com/search?q={token.Address}",
        _ => $"https://dexscreener.com/{ChainNames.ToName(token.Chain)}/{token.Address}",
    };

    /// <summary>The explorer's token page; null for an EVM address whose chain is unknown.</summary>
    public static string? Explorer(DetectedToken token) => token.Chain switch
    {
        Chain.Solana => $"https://solscan.io/token/{token.Address}",
        Chain.Ethereum => $"https://etherscan.io/token/{token.Address}",
        Chain.Base => $"https://basescan.org/token/{token.Address}",
        Chain.Bsc => $"https://bscscan.com/token/{token.Address}",
        Chain.Arbitrum => $"https://arbiscan.io/token/{token.Address}",
        Chain.Polygon => $"https://polygonscan.com/token/{token.Address}",
        Chain.Avalanche => $"https://snowtrace.io/token/{token.Address}",
        Chain.Ton => $"https://tonviewer.com/{token.Address}",
        _ => null,
    };

    public static string ExplorerName(Chain chain) => chain switch
    {
        Chain.Solana => "Solscan",
        Chain.Ethereum => "Etherscan",
        Chain.Base => "Basescan",
        Chain.Bsc => "BscScan",
        Chain.Arbitrum => "Arbiscan",
        Chain.Polygon => "PolygonScan",
        Chain.Avalanche => "Snowtrace",
        Chain.Ton => "Tonviewer",
        _ => "Explorer",
    };

    public static string DisplayName(Chain chain) => chain switch
    {
        Chain.Solana => "Solana",
        Chain.Ethereum => "Ethereum",
        Chain.Base => "Base",
        Chain.Bsc => "BNB Chain",
        Chain.Arbitrum => "Arbitrum",
        Chain.Polygon => "Polygon",
        Chain.Avalanche => "Avalanche",
        Chain.Ton => "TON",
        _ => "EVM (chain unknown)",
    };
}
