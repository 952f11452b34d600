using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Signals.Detection.Codecs;

/// <summary>EIP-55 mixed-case checksums for 20-byte EVM addresses (eips.ethereum.org/EIPS/eip-55).</summary>
internal static class Eip55
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// Validates "0x" + 40 hex and returns its checksummed form. All-lower or all-upper hex carries no checksum
    /// and is accepted; mixed case must match the checksum exactly.
    /// </summary>
    public static bool TryNormalize(ReadOnlySpan<char> text, out string checksummed)
    {
        checksummed = string.Empty;
        if (text.Length != 42 || text[0] != '0' || text[1] != 'x')
        {
            return false;
        }

        var hex = text[2..];
        if (!TryClassify(hex, out var hasLower, out var hasUpper))
        {
            return false;
        }

        var expected = Checksum(hex);
        if (hasUpper && hasLower && !hex.SequenceEqual(expected.AsSpan(2)))
        {
            return false;
        }

        checksummed = expected;
        return true;
    }

    /// <summary>True when all 40 characters are hex digits; also says whether any is a lower- or upper-case letter.</summary>
    private static bool TryClassify(ReadOnlySpan<char> hex40, out bool hasLower, out bool hasUpper)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            hasLower = hex40.ContainsAnyInRange('a', 'f');
            hasUpper = hex40.ContainsAnyInRange('A', 'F');
            return !hex40.ContainsAnyExcept(HexDigits);
        }

        // One read of the digits, 16 at a time (the third step overlaps the second), instead of three searches that
        // each paid their set-up on 40 characters.
        ref var origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(hex40[..40]));
        var lower = Vector256<ushort>.Zero;
        var upper = Vector256<ushort>.Zero;
        var allHex = Vector256<ushort>.AllBitsSet;
        foreach (var offset in (ReadOnlySpan<int>)[0, 16, 24])
        {
            var v = Vector256.LoadUnsafe(ref origin, (nuint)offset);
            var isLower = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'a'), Vector256.Create((ushort)5));
            var isUpper = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'A'), Vector256.Create((ushort)5));
            var isDigit = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
            lower |= isLower;
            upper |= isUpper;
            allHex &= isLower | isUpper | isDigit;
        }

        hasLower = lower != Vector256<ushort>.Zero;
        hasUpper = upper != Vector256<ushort>.Zero;
        return allHex == Vector256<ushort>.AllBitsSet;
    }

    /// <summary>Applies the checksum to 40 hex characters of any case; returns "0x" + the mixed-case form.</summary>
    public static string Checksum(ReadOnlySpan<char> hex40)
    {
        // A post often names one contract twice (in the text and in its chart link), and the hash is most of the
        // cost of a check: the last result on this thread answers a repeat, in any letter case.
        if (_last is { } last && hex40.Equals(last.AsSpan(2), StringComparison.OrdinalIgnoreCase))
        {
            return last;
        }

        var checksummed = Compute(hex40);
        _last = checksummed;
        return checksummed;
    }

    [ThreadStatic]
    private static string? _last;

    private static string Compute(ReadOnlySpan<char> hex40)
    {
        // Hex digits already have bit 0x20 set and A-F gain it, so one OR lower-cases all of them; eight characters
        // at a time are narrowed to bytes (hex is ASCII) for the hash.
        ref var source = ref MemoryMarshal.GetReference(hex40[..40]);
        Span<byte> lower = stackalloc byte[40];
        ref var lowerBytes = ref MemoryMarshal.GetReference(lower);
        var caseBit = Vector128.Create((byte)0x20);
        for (var i = 0; i < 40; i += 8)
        {
            var chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref source), (nuint)i);
            var bytes = Vector128.Narrow(chars, chars) | caseBit;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref lowerBytes, i), bytes.AsUInt64().ToScalar());
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(lower, hash);

        // Nibble i of the hash decides the case of hex letter i: 8 or more means upper case. Hash byte j holds the
        // nibbles of characters 2j (high) and 2j + 1 (low); each is copied to its character's position and tested.
        // Letters a-f are the only lower-case hex with bit 0x40, so (c >> 1) & 0x20 is the case bit of letters only.
        Span<char> checksummed = stackalloc char[42];
        checksummed[0] = '0';
        checksummed[1] = 'x';
        ref var hashBytes = ref MemoryMarshal.GetReference(hash);
        ref var target = ref Unsafe.As<char, ushort>(ref checksummed[2]);
        var nibbleHighBits = Vector128.Create((byte)0x80, 0x08, 0x80, 0x08, 0x80, 0x08, 0x80, 0x08, 0, 0, 0, 0, 0, 0, 0, 0);
        var pairs = Vector128.Create((byte)0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);
        for (var i = 0; i < 40; i += 8)
        {
            var lowerHex = Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref lowerBytes, i))).AsByte();
            var hashPart = Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref hashBytes, i / 2))).AsByte();
            var upper = ~Vector128.Equals(Vector128.Shuffle(hashPart, pairs) & nibbleHighBits, Vector128<byte>.Zero);
            var mapped = lowerHex ^ (upper & Vector128.ShiftRightLogical(lowerHex, 1) & caseBit);
            Vector128.WidenLower(mapped).StoreUnsafe(ref target, (nuint)i);
        }

        return new string(checksummed);
    }
}
