namespace Signals.Telegram.Emulator.Demo;

/// <summary>Invents tokens with valid addresses: Solana base58 of 32 bytes, EVM as lowercase hex of 20 bytes.</summary>
internal static class DemoTokenFactory
{
    private static readonly string[] Starts = ["PEPE", "GIGA", "MOO", "FRO", "WIF", "BONK", "NEI", "SLER", "TUR", "CAT", "DOGE", "MEW", "POP", "ZEN", "HIPPO", "BRETT"];
    private static readonly string[] Ends = ["", "X", "AI", "INU", "CAT", "MOON", "KING", "GPT", "DOG", "ZILLA", "COIN", "TO"];
    private static readonly string[] EvmChains = ["ethereum", "base", "bsc"];

    public static List<DemoToken> Create(Random random, int count)
    {
        var tokens = new List<DemoToken>(count);
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        while (tokens.Count < count)
        {
            var symbol = Starts[random.Next(Starts.Length)] + Ends[random.Next(Ends.Length)];
            if (!symbols.Add(symbol))
            {
                continue;
            }

            // Most memecoin calls are on Solana; the rest spread over the EVM chains dexscreener lists.
            tokens.Add(random.NextDouble() < 0.75
                ? new DemoToken(symbol, "solana", SolanaAddress(random))
                : new DemoToken(symbol, EvmChains[random.Next(EvmChains.Length)], EvmAddress(random)));
        }

        return tokens;
    }

    public static string SolanaAddress(Random random) => Base58.Encode(Bytes(random, 32));

    /// <summary>A transaction signature (64 bytes): looks like an address to a careless detector, but is not one.</summary>
    public static string SolanaSignature(Random random) => Base58.Encode(Bytes(random, 64));

    public static string EvmAddress(Random random) => "0x" + Convert.ToHexStringLower(Bytes(random, 20));

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);

        // A leading zero byte would make a shorter base58 string; real keys rarely have one, so avoid the oddity.
        bytes[0] |= 0x01;
        return bytes;
    }
}
