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

    // A 512-bit filter on the last two characters. Almost every reported token is no quote, and its ending alone says
    // so: one bit test instead of hashing the address (27 default entries set about one bit in twenty).
    private readonly ulong[] _endings = new ulong[8];

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
        foreach (var address in addresses)
        {
            var slot = EndingSlot(address);
            _endings[slot >> 6] |= 1UL << slot;
        }
    }

    public bool Contains(string address)
    {
        if (address.Length == 0)
        {
            return false;
        }

        var slot = EndingSlot(address);
        return (_endings[slot >> 6] & (1UL << slot)) != 0 && _addresses.Contains(address);
    }

    private static int EndingSlot(string address)
    {
        var last = address[^1];
        var previous = address.Length > 1 ? address[^2] : '\0';
        return ((last * 31) ^ (previous * 7)) & 511;
    }
}
