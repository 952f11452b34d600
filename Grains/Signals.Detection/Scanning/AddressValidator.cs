using Signals.Detection.Codecs;

namespace Signals.Detection.Scanning;

/// <summary>Decides whether a piece of text is a valid address, and of which chain, given an optional chain hint.</summary>
internal static class AddressValidator
{
    public const int SolanaMinLength = 32;
    public const int SolanaMaxLength = 44;

    public static bool TryValidate(ReadOnlySpan<char> text, Chain? hint, out Chain chain, out string address)
    {
        chain = default;
        address = string.Empty;
        if (text.Length == 42 && text[0] == '0' && text[1] == 'x')
        {
            if (hint is { } h && !h.IsEvm())
            {
                return false;
            }

            chain = hint ?? Chain.Evm;
            return Eip55.TryNormalize(text, out address);
        }

        if (hint is { } other && other != Chain.Ton && other != Chain.Solana)
        {
            return false; // an EVM link position holding something that is not 0x…
        }

        if (text.Length is TonAddress.RawLength or TonAddress.RawLength + 1 && text.Contains(':'))
        {
            chain = Chain.Ton;
            return hint is null or Chain.Ton && TonAddress.TryParseRaw(text, out address);
        }

        if (text.Length == TonAddress.FriendlyLength)
        {
            chain = Chain.Ton;
            var urlSafe = !text.ContainsAny('+', '/');
            return hint is null or Chain.Ton
                && TonAddress.CheckFriendly(text, urlSafe, out address) == TonAddress.Verdict.Valid;
        }

        if (text.Length is >= SolanaMinLength and <= SolanaMaxLength && hint is null or Chain.Solana)
        {
            chain = Chain.Solana;
            return IsSolanaAddress(text, out address);
        }

        return false;
    }

    public static bool IsSolanaAddress(ReadOnlySpan<char> text, out string address)
    {
        address = string.Empty;
        if (text.Length is < SolanaMinLength or > SolanaMaxLength)
        {
            return false;
        }

        // All zero bytes ("111…1") is the system program's id, never a token; a run of 1s in text is noise.
        if (!Base58.IsNonZeroKey32(text))
        {
            return false;
        }

        address = text.ToString();
        return true;
    }
}
