using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Signals.Detection.Scanning;

/// <summary>
/// What the address scan's reading of a segment says about its characters, gathered on the way for a few vector
/// instructions a block: whether any code unit could be invisible (U+00AD or above), whether any is a dot (every
/// known link host has one) and whether any is a '$' (every cashtag has one). A post without them is not searched for
/// them. Where 256-bit vectors are not accelerated nothing is gathered and every answer is "maybe".
/// </summary>
/// <remarks>
/// A block is taken in as its 16 code units saturated to bytes (anything above U+00FF reads 0xFF) and their classes:
/// <see cref="Base64Class"/> for <c>[0-9A-Za-z+/_-]</c>, which the block search tests, <see cref="DotClass"/> and
/// <see cref="DollarClass"/>. With AVX-512 VBMI the classes are one 128-entry table look-up, indexed by the low seven
/// bits, so a Latin-1 character whose low seven bits spell '.' or '$' (U+00AE, U+00A4) also reads as one: a "maybe",
/// never a miss.
/// </remarks>
internal struct TextScreen
{
    public const byte Base64Class = 0x80;
    public const byte DotClass = 0x01;
    public const byte DollarClass = 0x02;

    // The class of each 7-bit code, codes 0-63 and 64-127.
    private static readonly Vector512<byte> LowClasses = AsciiTable.Half(0, ClassOf);
    private static readonly Vector512<byte> HighClasses = AsciiTable.Half(64, ClassOf);

    private Vector128<byte> _highest;
    private Vector128<byte> _classes;

    public readonly bool MayHoldInvisible =>
        !Vector256.IsHardwareAccelerated || Vector128.GreaterThanOrEqualAny(_highest, Vector128.Create((byte)0xAD));

    public readonly bool MayHoldDot => !Vector256.IsHardwareAccelerated || (_classes & Vector128.Create(DotClass)) != Vector128<byte>.Zero;

    public readonly bool MayHoldDollar => !Vector256.IsHardwareAccelerated || (_classes & Vector128.Create(DollarClass)) != Vector128<byte>.Zero;

    /// <summary>Takes in one block: its code units saturated to bytes and their classes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Vector128<byte> saturated, Vector128<byte> classes)
    {
        _highest = Vector128.Max(_highest, saturated);
        _classes |= classes;
    }

    /// <summary>Takes in the last 16 characters of the text (every character of a shorter text): the tail the block
    /// search does not read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddTail(ReadOnlySpan<char> text)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return;
        }

        if (text.Length < Vector256<ushort>.Count)
        {
            AddShort(text);
            return;
        }

        var saturated = Saturate(Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)(text.Length - Vector256<ushort>.Count)));
        Add(saturated, Classify(saturated));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddShort(ReadOnlySpan<char> text)
    {
        Span<ushort> padded = stackalloc ushort[Vector256<ushort>.Count];
        padded.Clear();
        MemoryMarshal.Cast<char, ushort>(text).CopyTo(padded);
        var saturated = Saturate(Vector256.Create((ReadOnlySpan<ushort>)padded)); // the zero padding is of no class
        Add(saturated, Classify(saturated));
    }

    /// <summary>16 code units as bytes, 0xFF for any above U+00FF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Saturate(Vector256<ushort> chars) =>
        Avx512BW.VL.IsSupported
            ? Avx512BW.VL.ConvertToVector128ByteWithSaturation(chars)
            : Vector256.Narrow(Vector256.Min(chars, Vector256.Create((ushort)0xFF)), Vector256<ushort>.Zero).GetLower();

    /// <summary>The class of each saturated code unit (see the remarks for VBMI's reading of bytes above 0x7F);
    /// <see cref="Base64Class"/> only from the VBMI table, the one block search that reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Classify(Vector128<byte> saturated)
    {
        if (Avx512Vbmi.IsSupported)
        {
            return Avx512Vbmi.PermuteVar64x8x2(LowClasses, saturated.ToVector256Unsafe().ToVector512Unsafe(), HighClasses).GetLower().GetLower();
        }

        // Without the table the block search tests the alphabet itself, so only the screen's own classes are needed.
        return (Vector128.Equals(saturated, Vector128.Create((byte)'.')) & Vector128.Create(DotClass))
               | (Vector128.Equals(saturated, Vector128.Create((byte)'$')) & Vector128.Create(DollarClass));
    }

    private static byte ClassOf(char c) => c switch
    {
        '.' => DotClass,
        '$' => DollarClass,
        _ when CharClass.IsBase64Any(c) => Base64Class,
        _ => 0,
    };
}
