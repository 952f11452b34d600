using System.Numerics;
using System.Text;
using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Support;

/// <summary>
/// Encoders written independently of the production decoders (BigInteger base58, bitwise CRC), so that the
/// property tests do not check the detector against itself.
/// </summary>
public static class TestEncoders
{
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Base58(byte[] bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new StringBuilder();
        while (value > 0)
        {
            digits.Insert(0, Base58Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        foreach (var b in bytes)
        {
            if (b != 0)
            {
                break;
            }

            digits.Insert(0, '1');
        }

        return digits.ToString();
    }

    public static byte[] Base58Decode(string text)
    {
        var value = BigInteger.Zero;
        foreach (var c in text)
        {
            value = (value * 58) + Base58Alphabet.IndexOf(c);
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var zeros = text.TakeWhile(c => c == '1').Count();
        return [.. new byte[zeros], .. body];
    }

    /// <summary>EIP-55 applied from its definition: uppercase hex letter i when hash nibble i is 8 or more.</summary>
    public static string Eip55(byte[] address20)
    {
        var hex = Convert.ToHexStringLower(address20);
        var hash = new byte[32];
        Keccak256.Hash(Encoding.ASCII.GetBytes(hex), hash);
        var hashHex = Convert.ToHexStringLower(hash);
        var result = new StringBuilder("0x");
        for (var i = 0; i < 40; i++)
        {
            result.Append(char.IsAsciiLetter(hex[i]) && Convert.ToInt32(hashHex[i].ToString(), 16) >= 8 ? char.ToUpperInvariant(hex[i]) : hex[i]);
        }

        return result.ToString();
    }

    public static ushort Crc16Xmodem(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var inBit = (b >> bit) & 1;
                var top = (crc >> 15) & 1;
                crc <<= 1;
                if ((top ^ inBit) != 0)
                {
                    crc ^= 0x1021;
                }
            }
        }

        return crc;
    }

    public static string TonFriendly(byte flag, sbyte workchain, byte[] account, bool urlSafe)
    {
        var bytes = new byte[36];
        bytes[0] = flag;
        bytes[1] = (byte)workchain;
        account.CopyTo(bytes, 2);
        var crc = Crc16Xmodem(bytes.AsSpan(0, 34));
        bytes[34] = (byte)(crc >> 8);
        bytes[35] = (byte)crc;
        var base64 = Convert.ToBase64String(bytes);
        return urlSafe ? base64.Replace('+', '-').Replace('/', '_') : base64;
    }
}
