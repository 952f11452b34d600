namespace Signals.Detection.Scanning;

/// <summary>The sites whose URL layout we know, so we take the token from its place and ignore wallets and transactions.</summary>
internal enum LinkKind
{
    DexScreener,
    Birdeye,
    PumpFun,
    Gmgn,
    Solscan,
    Jupiter,

    /// <summary>Etherscan-family explorers: the chain comes from the host, the token from /token/….</summary>
    EvmExplorer,
}
