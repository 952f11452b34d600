using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace Signals.Telegram.Crypto;

/// <summary>
/// IGE over AES-NI. IGE chains every block on the previous plaintext and ciphertext, so no block can be processed in
/// parallel; what makes it fast is keeping the whole chain in registers with no call per block.
/// </summary>
internal static class AesNiIge
{
    public static bool IsSupported => X86Aes.IsSupported && !ForcePlatformPath;

    /// <summary>Lets tests run the platform path on a machine that has AES-NI.</summary>
    internal static bool ForcePlatformPath { get; set; }

    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var keys = default(AesRoundKeys);
        AesNiKeySchedule.ExpandEncryption(key, ref keys);

        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var previousCipher = Vector128.Create(iv[..16]);
        var previousPlain = Vector128.Create(iv[16..]);
        var k0 = keys[0];
        var k14 = keys[14];

        for (nuint offset = 0; offset < (nuint)source.Length; offset += 16)
        {
            var plain = Vector128.LoadUnsafe(ref src, offset);
            var state = plain ^ previousCipher ^ k0;
            for (var round = 1; round < 14; round++)
            {
                state = X86Aes.Encrypt(state, keys[round]);
            }

            var cipher = X86Aes.EncryptLast(state, k14) ^ previousPlain;
            cipher.StoreUnsafe(ref dst, offset);
            previousCipher = cipher;
            previousPlain = plain;
        }

        ClearKeys(ref keys);
    }

    public static void Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var keys = default(AesRoundKeys);
        AesNiKeySchedule.ExpandDecryption(key, ref keys);

        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var previousCipher = Vector128.Create(iv[..16]);
        var previousPlain = Vector128.Create(iv[16..]);
        var k0 = keys[0];
        var k14 = keys[14];

        for (nuint offset = 0; offset < (nuint)source.Length; offset += 16)
        {
            var cipher = Vector128.LoadUnsafe(ref src, offset);
            var state = cipher ^ previousPlain ^ k0;
            for (var round = 1; round < 14; round++)
            {
                state = X86Aes.Decrypt(state, keys[round]);
            }

            var plain = X86Aes.DecryptLast(state, k14) ^ previousCipher;
            plain.StoreUnsafe(ref dst, offset);
            previousCipher = cipher;
            previousPlain = plain;
        }

        ClearKeys(ref keys);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ClearKeys(ref AesRoundKeys keys) => keys = default;
}
