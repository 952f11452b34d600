using Signals.Detection.Scanning;

namespace Signals.Detection;

/// <summary>
/// The configured quote tokens, canonicalised the way the detector reports addresses (EIP-55, TON bounceable
/// base64url), so a list written in any case or form still matches.
/// </summary>
internal sealed class QuoteTokenSet
{
    // Frozen: every reported token is looked up here, and a frozen set of a few fixed-length addresses hashes only
    // the characters that tell them apart instead of all 44.
    private readonly System.Collections.Frozen.FrozenSet<string> _addresses;

    public QuoteTokenSet(IEnumerable<string> entries)
    {
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in entries)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var entry = raw.Trim();
            var colon = entry.IndexOf(':');
            if (colon > 0 && ChainNames.TryParse(entry[..colon], out _))
            {
                entry = entry[(colon + 1)..]; // "solana:<mint>" is accepted too
            }

            addresses.Add(AddressValidator.TryValidate(entry, null, out _, out var canonical) ? canonical : entry);
        }

        _addresses = System.Collections.Frozen.FrozenSet.ToFrozenSet(addresses, StringComparer.Ordinal);
    }

    public bool Contains(string address) => _addresses.Contains(address);
}
