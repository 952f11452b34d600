using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;
using X86Sse2 = System.Runtime.Intrinsics.X86.Sse2;

namespace Signals.Telegram.Crypto;

/// <summary>AES-256 key expansion (FIPS-197 §5.2) with the AESKEYGENASSIST instruction doing SubWord/RotWord.</summary>
internal static class AesNiKeySchedule
{
    public static void ExpandEncryption(ReadOnlySpan<byte> key, ref AesRoundKeys keys)
    {
        var even = Vector128.Create(key[..16]);
        var odd = Vector128.Create(key[16..]);
        keys[0] = even;
        keys[1] = odd;

        // The round constant must be an immediate operand, hence one line per round instead of a loop.
        even = NextEven(even, X86Aes.KeygenAssist(odd, 0x01)); keys[2] = even;
        odd = NextOdd(odd, even); keys[3] = odd;
        even = NextEven(even, X86Aes.KeygenAssist(odd, 0x02)); keys[4] = even;
        odd = NextOdd(odd, even); keys[5] = odd;
        even = NextEven(even, X86Aes.KeygenAssist(odd, 0x04)); keys[6] = even;
        odd = NextOdd(odd, even); keys[7] = odd;
        even = NextEven(even, X86Aes.KeygenAssist(odd, 0x08)); keys[8] = even;
        odd = NextOdd(odd, even); keys[9] = odd;
        even = NextEven(even, X86Aes.KeygenAssist(odd, 0x10)); keys[10] = even;
        odd = NextOdd(odd, even); keys[11] = odd;
        even = NextEven(even, X86Aes.KeygenAssist(odd, 0x20)); keys[12] = even;
        odd = NextOdd(odd, even); keys[13] = odd;
        keys[14] = NextEven(even, X86Aes.KeygenAssist(odd, 0x40));
    }

    /// <summary>The "equivalent inverse cipher" schedule that AESDEC expects: reversed, inner keys through InvMixColumns.</summary>
    public static void ExpandDecryption(ReadOnlySpan<byte> key, ref AesRoundKeys keys)
    {
        var encryption = default(AesRoundKeys);
        ExpandEncryption(key, ref encryption);
        keys[0] = encryption[14];
        for (var i = 1; i < 14; i++)
        {
            keys[i] = X86Aes.InverseMixColumns(encryption[14 - i]);
        }

        keys[14] = encryption[0];
        encryption = default;
    }

    private static Vector128<byte> NextEven(Vector128<byte> previous, Vector128<byte> assist)
    {
        // Word 3 of the assist result is SubWord(RotWord(w)) ^ rcon.
        var broadcast = X86Sse2.Shuffle(assist.AsInt32(), 0xFF).AsByte();
        return PrefixXor(previous) ^ broadcast;
    }

    private static Vector128<byte> NextOdd(Vector128<byte> previous, Vector128<byte> even)
    {
        // Word 2 of the assist result (with rcon 0) is SubWord(w) without rotation, which AES-256 needs here.
        var assist = X86Aes.KeygenAssist(even, 0x00);
        var broadcast = X86Sse2.Shuffle(assist.AsInt32(), 0xAA).AsByte();
        return PrefixXor(previous) ^ broadcast;
    }

    /// <summary>w0, w0^w1, w0^w1^w2, w0^w1^w2^w3: the running xor of the previous key's words.</summary>
    private static Vector128<byte> PrefixXor(Vector128<byte> value)
    {
        value ^= X86Sse2.ShiftLeftLogical128BitLane(value, 4);
        value ^= X86Sse2.ShiftLeftLogical128BitLane(value, 4);
        value ^= X86Sse2.ShiftLeftLogical128BitLane(value, 4);
        return value;
    }
}
