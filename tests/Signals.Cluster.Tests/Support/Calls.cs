namespace Signals.Cluster.Tests.Support;

/// <summary>Post texts in the style of call channels.</summary>
public static class Calls
{
    public static string Call(string address, string ticker = "PEPE") =>
        $"🚀 New call: ${ticker}\nCA: {address}\nChart: https://dexscreener.com/solana/{address}\nDYOR";

    public static string Noise(int i) => $"gm fam, market update #{i}: BTC looking strong, stay safe";
}
