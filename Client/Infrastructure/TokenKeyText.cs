using Signals.Detection;

namespace Signals.Client.Infrastructure;

/// <summary>
/// Turns what a person types (<c>solana:&lt;mint&gt;</c>, <c>base:0xabc…</c>, or a bare address) into a token grain key
/// ("chain:address" with the address in the detector's canonical form, e.g. EIP-55), using the same detector the
/// readers use, so that a lower-case EVM address finds the grain the readers fed. EVM tokens are keyed "evm:".
/// </summary>
public static class TokenKeyText
{
    public static bool TryNormalize(string text, out string key, out string error)
    {
        key = string.Empty;
        var input = text.Trim();
        Chain? given = null;
        var colon = input.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && ChainNames.TryParse(input[..colon], out var chain))
        {
            given = chain;
            input = input[(colon + 1)..];
        }

        var found = TokenDetector.Default.Detect(input);
        if (found.Count != 1 || input.Any(char.IsWhiteSpace))
        {
            error = $"'{text}' is not a token address; expected chain:address such as solana:<mint> or base:0x…";
            return false;
        }

        var token = found[0];
        if (given is { } g && g != token.Chain && !(g.IsEvm() && token.Chain.IsEvm()))
        {
            error = $"'{input}' is not a {ChainNames.ToName(g)} address.";
            return false;
        }

        // Readers key every EVM token as "evm:<EIP-55 address>" (one token whatever chain a post links to).
        var keyChain = token.Chain.IsEvm() ? Chain.Evm : given ?? token.Chain;
        key = $"{ChainNames.ToName(keyChain)}:{token.Address}";
        error = string.Empty;
        return true;
    }
}
