namespace Signals.Telegram.Emulator.Demo;

/// <summary>A made-up token the feed calls. <see cref="Chain"/> is a dexscreener slug: solana, ethereum, base, bsc.</summary>
public sealed record DemoToken(string Symbol, string Chain, string Address)
{
    public bool IsSolana => Chain == "solana";

    public string DexscreenerUrl => $"https://dexscreener.com/{Chain}/{Address}";
}
