namespace Signals.Detection.Codecs;

/// <summary>
/// TON addresses (docs.ton.org, "Smart contract addresses"): the user-friendly form is 36 bytes —
/// flag (0x11 bounceable, 0x51 non-bounceable, +0x80 testnet-only), workchain (signed byte), 32-byte account id,
/// CRC16-XMODEM of the first 34 bytes, big-endian — written as 48 characters of base64 or base64url.
/// The raw form is "workchain:64 hex". Both normalise to the bounceable base64url form, so the same account
/// mentioned in different forms is one token.
/// </summary>
internal static class TonAddress
{
    public const int FriendlyLength = 48;

    /// <summary>"0:" and 64 hex digits; the masterchain's "-1:" form is one longer.</summary>
    public const int RawLength = 66;
    private const string UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public enum Verdict
    {
        /// <summary>Does not look like a TON address at all.</summary>
        NotTon,

        /// <summary>Has a TON flag and workchain byte but the checksum fails: a damaged or forged address.</summary>
        BadChecksum,
        Valid,
    }

    /// <summary>Checks 48 characters of base64 (urlSafe: '-' '_', else '+' '/').</summary>
    public static Verdict CheckFriendly(ReadOnlySpan<char> text, bool urlSafe, out string canonical)
    {
        canonical = string.Empty;
        if (text.Length != FriendlyLength)
        {
            return Verdict.NotTon;
        }

        var digits = urlSafe ? UrlDigits : StandardDigits;
        Span<byte> bytes = stackalloc byte[36];
        for (var group = 0; group < 12; group++)
        {
            var value = 0;
            for (var k = 0; k < 4; k++)
            {
                var c = text[(group * 4) + k];
                int digit;
                if (c >= 128 || (digit = digits[c]) < 0)
                {
                    return Verdict.NotTon;
                }

                value = (value << 6) | digit;
            }

            bytes[group * 3] = (byte)(value >> 16);
            bytes[(group * 3) + 1] = (byte)(value >> 8);
            bytes[(group * 3) + 2] = (byte)value;
        }

        var flag = bytes[0] & 0x7F; // the high bit only marks testnet
        if (flag is not (0x11 or 0x51) || bytes[1] is not (0x00 or 0xFF))
        {
            return Verdict.NotTon;
        }

        var crc = Crc16Xmodem.Compute(bytes[..34]);
        if (bytes[34] != (byte)(crc >> 8) || bytes[35] != (byte)crc)
        {
            return Verdict.BadChecksum;
        }

        if (urlSafe && flag == 0x11)
        {
            // Already bounceable base64url: base64 of 36 bytes has no padding, so these 48 characters are the form.
            canonical = text.ToString();
            return Verdict.Valid;
        }

        if (flag == 0x51)
        {
            // CRC-16/XMODEM is linear (zero init, no final xor): making the flag bounceable changes the CRC by the
            // CRC of the flipped bit followed by 33 zero bytes, so the 34 bytes need not be hashed again.
            bytes[0] ^= 0x51 ^ 0x11;
            crc ^= BounceableFlagCrcDelta;
            bytes[34] = (byte)(crc >> 8);
            bytes[35] = (byte)crc;
        }

        canonical = Encode(bytes);
        return Verdict.Valid;
    }

    /// <summary>Checks "0:hex64" or "-1:hex64" (the only workchains that exist: basechain and masterchain).</summary>
    public static bool TryParseRaw(ReadOnlySpan<char> text, out string canonical)
    {
        canonical = string.Empty;
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        sbyte workchain;
        if (text[..colon].SequenceEqual("0"))
        {
            workchain = 0;
        }
        else if (text[..colon].SequenceEqual("-1"))
        {
            workchain = -1;
        }
        else
        {
            return false;
        }

        var hex = text[(colon + 1)..];
        if (hex.Length != 64)
        {
            return false;
        }

        Span<byte> account = stackalloc byte[32];
        for (var i = 0; i < 32; i++)
        {
            var hi = HexValue(hex[i * 2]);
            var lo = HexValue(hex[(i * 2) + 1]);
            if (hi < 0 || lo < 0)
            {
                return false;
            }

            account[i] = (byte)((hi << 4) | lo);
        }

        canonical = ToFriendly(workchain, account, testnet: false);
        return true;
    }

    public static string ToFriendly(sbyte workchain, ReadOnlySpan<byte> account, bool testnet)
    {
        Span<byte> bytes = stackalloc byte[36];
        bytes[0] = (byte)(0x11 | (testnet ? 0x80 : 0));
        bytes[1] = (byte)workchain;
        account[..32].CopyTo(bytes[2..]);
        var crc = Crc16Xmodem.Compute(bytes[..34]);
        bytes[34] = (byte)(crc >> 8);
        bytes[35] = (byte)crc;
        return Encode(bytes);
    }

    /// <summary>36 bytes as 48 characters of base64url.</summary>
    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[FriendlyLength];
        for (var group = 0; group < 12; group++)
        {
            var value = (bytes[group * 3] << 16) | (bytes[(group * 3) + 1] << 8) | bytes[(group * 3) + 2];
            for (var k = 0; k < 4; k++)
            {
                chars[(group * 4) + k] = UrlAlphabet[(value >> (18 - (6 * k))) & 0x3F];
            }
        }

        return new string(chars);
    }

    private static readonly ushort BounceableFlagCrcDelta = ComputeFlagDelta();

    private static ushort ComputeFlagDelta()
    {
        Span<byte> delta = stackalloc byte[34];
        delta.Clear();
        delta[0] = 0x51 ^ 0x11;
        return Crc16Xmodem.Compute(delta);
    }

    // Digit values per alphabet for ASCII, -1 elsewhere: a look-up instead of a chain of range tests per character.
    private static readonly sbyte[] UrlDigits = BuildDigits(urlSafe: true);
    private static readonly sbyte[] StandardDigits = BuildDigits(urlSafe: false);

    private static sbyte[] BuildDigits(bool urlSafe)
    {
        var table = new sbyte[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = (sbyte)DigitOf((char)c, urlSafe);
        }

        return table;
    }

    private static int DigitOf(char c, bool urlSafe) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' when urlSafe => 62,
        '_' when urlSafe => 63,
        '+' when !urlSafe => 62,
        '/' when !urlSafe => 63,
        _ => -1,
    };

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
