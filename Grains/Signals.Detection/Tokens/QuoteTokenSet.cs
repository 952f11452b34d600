using Signals.Detection.Scanning;

namespace Signals.Detection;

/// <summary>
/// The configured quote tokens, canonicalised the way the detector reports addresses (EIP-55, TON bounceable
/// base64url), so a list written in any case or form still matches.
/// </summary>
internal sealed class QuoteTokenSet
{
    private readonly HashSet<string> _addresses = new(StringComparer.Ordinal);

    public QuoteTokenSet(IEnumerable<string> entries)
    {
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

            _addresses.Add(AddressValidator.TryValidate(entry, null, out _, out var canonical) ? canonical : entry);
        }
    }

    public bool Contains(string address) => _addresses.Contains(address);
}
