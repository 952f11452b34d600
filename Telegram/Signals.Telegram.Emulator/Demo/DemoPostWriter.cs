namespace Signals.Telegram.Emulator.Demo;

/// <summary>Texts in the manner of call channels. Which form a call takes is random; each names the token's address somewhere.</summary>
internal sealed class DemoPostWriter(Random random)
{
    private static readonly string[] Taglines =
    [
        "LP burned, mint revoked. Ape responsibly!",
        "Dev doxxed, socials live 🔥",
        "MC 85k, still early 👀",
        "Volume picking up fast, NFA",
        "Community takeover, strong holders",
        "Chart looks ready to send 📈",
    ];

    private static readonly string[] Noise =
    [
        "gm frens ☀️ quiet morning, watching the charts",
        "Market is choppy today, size down and take profits",
        "$SOL looking strong, alts should follow",
        "Reminder: never share your seed phrase. Admins will never DM you first.",
        "Who's still holding from last week? 💎🙌",
        "Taking a break tonight, calls resume tomorrow",
        "Gas is high on ETH, sticking to Solana plays for now",
    ];

    private static readonly string[] Promos =
    [
        "📢 PROMO: the fastest trading bot on Solana, 0.5% fees, link in bio",
        "🎁 Giveaway! 3 x 1 SOL to random members, just react to this post",
        "Vote for us in the Degen Awards 🏆 poll closes tonight",
    ];

    public (string Text, IReadOnlyList<string> Links) Call(DemoToken token)
    {
        var symbol = token.Symbol;
        var address = token.Address;
        var tagline = Pick(Taglines);
        if (!token.IsSolana)
        {
            return random.Next(3) switch
            {
                0 => ($"{Chain(token)} gem ${symbol}\n{address}\n{token.DexscreenerUrl}", []),
                1 => ($"New {Chain(token)} call: ${symbol}\nCA {address}\n{tagline}", []),
                _ => ($"${symbol} on {Chain(token)} is moving, chart: {token.DexscreenerUrl}", []),
            };
        }

        return random.Next(7) switch
        {
            0 => ($"🚀 New call: ${symbol}\nCA: {address}\n{tagline}", []),
            1 => ($"{symbol} just launched on pump\n`{address}`", []),
            2 => ($"Chart: {token.DexscreenerUrl}", []),
            3 => ($"buy here https://pump.fun/coin/{address} 🔥🔥", []),
            4 => ($"${symbol} is sending 👀 check the chart (link in text)", [token.DexscreenerUrl]),
            5 => ($"ape ${symbol} now\n{address}\n{tagline}", []),
            _ => ($"👀 https://birdeye.so/token/{address}?chain=solana\n{tagline}", []),
        };
    }

    public string Teaser(DemoToken token) => $"${token.Symbol} launching in a few minutes, CA soon 👀 stay tuned";

    public string Update(string callText) =>
        $"{callText}\n\nUPDATE: {random.Next(2, 9)}x from entry ✅";

    public string FollowUp(DemoToken token) => random.Next(3) switch
    {
        0 => $"${token.Symbol} did {random.Next(2, 12)}x from our call 🎯",
        1 => $"Taking profits on ${token.Symbol}, congrats to everyone who aped",
        _ => $"${token.Symbol} holding the support nicely, next leg soon?",
    };

    public string NoisePost(string transactionSignature) => random.Next(Noise.Length + 1) < Noise.Length
        ? Pick(Noise)
        : $"Bought the dip, tx confirmed: {transactionSignature}";

    public string Promo() => Pick(Promos);

    private static string Chain(DemoToken token) => token.Chain switch
    {
        "ethereum" => "ETH",
        "base" => "Base",
        "bsc" => "BSC",
        _ => token.Chain,
    };

    private string Pick(string[] options) => options[random.Next(options.Length)];
}
