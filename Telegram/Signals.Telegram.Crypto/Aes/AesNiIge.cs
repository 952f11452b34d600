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
        // Round keys in locals: the JIT keeps most of them in registers across the whole loop.
        Vector128<byte> k0 = keys[0], k1 = keys[1], k2 = keys[2], k3 = keys[3], k4 = keys[4], k5 = keys[5], k6 = keys[6], k7 = keys[7];
        Vector128<byte> k8 = keys[8], k9 = keys[9], k10 = keys[10], k11 = keys[11], k12 = keys[12], k13 = keys[13], k14 = keys[14];

        for (nuint offset = 0; offset < (nuint)source.Length; offset += 16)
        {
            var plain = Vector128.LoadUnsafe(ref src, offset);
            var state = plain ^ previousCipher ^ k0;
            state = X86Aes.Encrypt(state, k1);
            state = X86Aes.Encrypt(state, k2);
            state = X86Aes.Encrypt(state, k3);
            state = X86Aes.Encrypt(state, k4);
            state = X86Aes.Encrypt(state, k5);
            state = X86Aes.Encrypt(state, k6);
            state = X86Aes.Encrypt(state, k7);
            state = X86Aes.Encrypt(state, k8);
            state = X86Aes.Encrypt(state, k9);
            state = X86Aes.Encrypt(state, k10);
            state = X86Aes.Encrypt(state, k11);
            state = X86Aes.Encrypt(state, k12);
            state = X86Aes.Encrypt(state, k13);
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
        Vector128<byte> k0 = keys[0], k1 = keys[1], k2 = keys[2], k3 = keys[3], k4 = keys[4], k5 = keys[5], k6 = keys[6], k7 = keys[7];
        Vector128<byte> k8 = keys[8], k9 = keys[9], k10 = keys[10], k11 = keys[11], k12 = keys[12], k13 = keys[13], k14 = keys[14];

        for (nuint offset = 0; offset < (nuint)source.Length; offset += 16)
        {
            var cipher = Vector128.LoadUnsafe(ref src, offset);
            var state = cipher ^ previousPlain ^ k0;
            state = X86Aes.Decrypt(state, k1);
            state = X86Aes.Decrypt(state, k2);
            state = X86Aes.Decrypt(state, k3);
            state = X86Aes.Decrypt(state, k4);
            state = X86Aes.Decrypt(state, k5);
            state = X86Aes.Decrypt(state, k6);
            state = X86Aes.Decrypt(state, k7);
            state = X86Aes.Decrypt(state, k8);
            state = X86Aes.Decrypt(state, k9);
            state = X86Aes.Decrypt(state, k10);
            state = X86Aes.Decrypt(state, k11);
            state = X86Aes.Decrypt(state, k12);
            state = X86Aes.Decrypt(state, k13);
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
