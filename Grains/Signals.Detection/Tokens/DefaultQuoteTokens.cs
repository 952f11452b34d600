namespace Signals.Detection;

/// <summary>
/// The default quote tokens: each chain's wrapped native coin and its main stablecoins. These are public
/// contract addresses (the chains' canonical token lists); a unit test checks every one parses and, for EVM,
/// carries a correct EIP-55 checksum, which catches a mistyped character.
/// </summary>
internal static class DefaultQuoteTokens
{
    public static readonly IReadOnlyList<string> Solana =
    [
        "So11111111111111111111111111111111111111112", // wSOL
        "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", // USDC
        "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", // USDT
    ];

    public static readonly IReadOnlyList<string> Evm =
    [
        // Ethereum
        "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", // WETH
        "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", // USDC
        "0xdAC17F958D2ee523a2206206994597C13D831ec7", // USDT
        // Base
        "0x4200000000000000000000000000000000000006", // WETH
        "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", // USDC
        "0xfde4C96c8593536E31F229EA8f37b2ADa2699bb2", // USDT
        // BNB Smart Chain
        "0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c", // WBNB
        "0x2170Ed0880ac9A755fd29B2688956BD959F933F8", // ETH (Binance-Peg)
        "0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d", // USDC
        "0x55d398326f99059fF775485246999027B3197955", // USDT
        // Arbitrum
        "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", // WETH
        "0xaf88d065e77c8cC2239327C5EDb3A432268e5831", // USDC
        "0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8", // USDC.e
        "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9", // USDT
        // Polygon
        "0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619", // WETH
        "0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270", // WPOL
        "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359", // USDC
        "0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174", // USDC.e
        "0xc2132D05D31c914a87C6611C10748AEb04B58e8F", // USDT
        // Avalanche C-Chain
        "0xB31f66AA3C1e785363F0875A1B74E27b85FD66c7", // WAVAX
        "0x49D5c2BdFfac6CE2BFdB6640F4F80f226bc10bAB", // WETH.e
        "0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E", // USDC
        "0x9702230A8Ea53601f5cD2dc00fDBc13d4dF4A8c7", // USDT
    ];

    public static readonly IReadOnlyList<string> Ton =
    [
        "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs", // USDT jetton master
    ];

    public static readonly IReadOnlyList<string> All = [.. Solana, .. Evm, .. Ton];
}
