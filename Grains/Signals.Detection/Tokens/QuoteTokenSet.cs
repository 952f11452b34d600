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

    // Bit c is set when some quote token ends with character c (below 64, then 64-127). Almost every reported token
    // is no quote, and its last character alone says so: one bit test instead of hashing the address.
    private readonly ulong _lastCharsLow;
    private readonly ulong _lastCharsHigh;
    private readonly bool _anyNonAsciiLast;

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
            var last = address[^1];
            if (last < 64)
            {
                _lastCharsLow |= 1UL << last;
            }
            else if (last < 128)
            {
                _lastCharsHigh |= 1UL << (last - 64);
            }
            else
            {
                _anyNonAsciiLast = true;
            }
        }
    }

    public bool Contains(string address)
    {
        if (address.Length == 0)
        {
            return false;
        }

        var last = address[^1];
        var maybe = last < 64 ? (_lastCharsLow & (1UL << last)) != 0
            : last < 128 ? (_lastCharsHigh & (1UL << (last - 64))) != 0
            : _anyNonAsciiLast;
        return maybe && _addresses.Contains(address);
    }
}
