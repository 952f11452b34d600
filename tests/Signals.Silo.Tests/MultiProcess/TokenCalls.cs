using Signals.Testing;

namespace Signals.Silo.Tests.MultiProcess;

/// <summary>Call posts for distinct, valid Solana-shaped addresses.</summary>
public static class TokenCalls
{
    public static string Address(int seed) => TestAddresses.Solana(seed);

    public static string Post(string address) => $"🚀 New call: $PROC\nCA: {address}\nDYOR";
}
