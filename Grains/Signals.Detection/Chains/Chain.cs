namespace Signals.Detection;

/// <summary>The chains a token address can be attributed to. <see cref="Evm"/> means "an EVM chain we could not tell".</summary>
public enum Chain
{
    Solana,
    Ethereum,
    Base,
    Bsc,
    Arbitrum,
    Polygon,
    Avalanche,
    Evm,
    Ton,
}
