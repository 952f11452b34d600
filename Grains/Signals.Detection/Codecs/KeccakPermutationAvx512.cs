using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Signals.Detection.Codecs;

/// <summary>
/// Keccak-f[1600] on one state in five AVX-512 registers. The idea (the 5×5 state as vectors of lanes, chi as one
/// vpternlogq, rho as one vprolvq per register) is the one XKCP's AVX-512 implementation describes; the data movement
/// here is our own, chosen to keep each round's chain of dependent instructions short, because a single state is
/// bound by latency, not by throughput.
/// <para>
/// Two layouts alternate within a round. Theta and rho work on rows: register y holds lane (x, y) in vector lane x.
/// Pi sends row y to column y, so one in-register permute per row leaves the registers holding columns (register x,
/// row y in vector lane y). In that layout chi's neighbours x + 1 and x + 2 are other registers, so chi is five
/// ternary-logic instructions with no shuffles. A 5×5 transpose then turns the columns back into rows: lane (x, y)
/// sits in vector lane y of column x and must reach vector lane x of row y, so the diagonal (x = y) is already in
/// place and each row is the diagonal element merged with two two-source permutes of the other four columns.
/// </para>
/// <para>
/// Vector lanes 5…7 are zero in every register at every step (loads mask them, permutes fetch them from a zero lane,
/// and all other steps are lane-wise), so permutes use lane 7 as their source of zeros and the merges are plain ORs.
/// </para>
/// </summary>
internal static class KeccakPermutationAvx512
{
    public static bool IsSupported => Avx512F.IsSupported && Avx512F.VL.IsSupported;

    // vpternlogq truth tables over (a, b, c) = (0xF0, 0xCC, 0xAA).
    private const byte Xor3 = 0x96;               // a ^ b ^ c
    private const byte Or3 = 0xFE;                // a | b | c
    private const byte ChiControl = 0xD2;         // a ^ (~b & c)
    private const byte XorThenAnd = 0x28;         // (a ^ b) & c

    /// <summary>A permute index that fetches zero: vector lane 7 of the first source.</summary>
    private const ulong ZeroLane = 7;

    private static readonly Vector512<ulong> StateLanes = Vector512.Create(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0, 0, 0);

    // Theta: lane x receives the parity of column x - 1, and of column x + 1 (then rotated by one).
    private static readonly Vector512<ulong> ThetaPrevious = Vector512.Create(4UL, 0, 1, 2, 3, ZeroLane, ZeroLane, ZeroLane);
    private static readonly Vector512<ulong> ThetaNext = Vector512.Create(1UL, 2, 3, 4, 0, ZeroLane, ZeroLane, ZeroLane);

    private static readonly Vector512<ulong> Rho0 = RhoRow(0);
    private static readonly Vector512<ulong> Rho1 = RhoRow(1);
    private static readonly Vector512<ulong> Rho2 = RhoRow(2);
    private static readonly Vector512<ulong> Rho3 = RhoRow(3);
    private static readonly Vector512<ulong> Rho4 = RhoRow(4);

    private static readonly Vector512<ulong> Pi0 = PiRow(0);
    private static readonly Vector512<ulong> Pi1 = PiRow(1);
    private static readonly Vector512<ulong> Pi2 = PiRow(2);
    private static readonly Vector512<ulong> Pi3 = PiRow(3);
    private static readonly Vector512<ulong> Pi4 = PiRow(4);

    private static readonly Vector512<ulong> Diagonal0 = LaneMask(0);
    private static readonly Vector512<ulong> Diagonal1 = LaneMask(1);
    private static readonly Vector512<ulong> Diagonal2 = LaneMask(2);
    private static readonly Vector512<ulong> Diagonal3 = LaneMask(3);
    private static readonly Vector512<ulong> Diagonal4 = LaneMask(4);

    private static readonly Vector512<ulong> Near0 = GatherTwoColumns(0, 1);
    private static readonly Vector512<ulong> Near1 = GatherTwoColumns(1, 1);
    private static readonly Vector512<ulong> Near2 = GatherTwoColumns(2, 1);
    private static readonly Vector512<ulong> Near3 = GatherTwoColumns(3, 1);
    private static readonly Vector512<ulong> Near4 = GatherTwoColumns(4, 1);
    private static readonly Vector512<ulong> Far0 = GatherTwoColumns(0, 3);
    private static readonly Vector512<ulong> Far1 = GatherTwoColumns(1, 3);
    private static readonly Vector512<ulong> Far2 = GatherTwoColumns(2, 3);
    private static readonly Vector512<ulong> Far3 = GatherTwoColumns(3, 3);
    private static readonly Vector512<ulong> Far4 = GatherTwoColumns(4, 3);

    /// <summary>Permutes 25 lanes a[x + 5y] in place.</summary>
    public static void Permute(Span<ulong> state)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(state.Length, 25, nameof(state));
        ref var lanes = ref MemoryMarshal.GetReference(state);
        var row0 = Vector512.LoadUnsafe(ref lanes, 0) & StateLanes;
        var row1 = Vector512.LoadUnsafe(ref lanes, 5) & StateLanes;
        var row2 = Vector512.LoadUnsafe(ref lanes, 10) & StateLanes;
        var row3 = Vector512.LoadUnsafe(ref lanes, 15) & StateLanes;
        var row4 = Vector512.Create(Vector256.LoadUnsafe(ref lanes, 20), Vector256.CreateScalar(Unsafe.Add(ref lanes, 24)));

        Permute(ref row0, ref row1, ref row2, ref row3, ref row4);

        // Each full store writes three zero lanes into the next row, which the next store then overwrites.
        row0.StoreUnsafe(ref lanes, 0);
        row1.StoreUnsafe(ref lanes, 5);
        row2.StoreUnsafe(ref lanes, 10);
        row3.StoreUnsafe(ref lanes, 15);
        row4.GetLower().StoreUnsafe(ref lanes, 20);
        Unsafe.Add(ref lanes, 24) = row4.GetElement(4);
    }

    /// <summary>
    /// Permutes a state given as five rows: register y holds a[x + 5y] in vector lane x, and lanes 5…7 must be zero
    /// (they are zero on return).
    /// </summary>
    public static void Permute(
        ref Vector512<ulong> row0, ref Vector512<ulong> row1, ref Vector512<ulong> row2, ref Vector512<ulong> row3,
        ref Vector512<ulong> row4)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("Keccak-f[1600] with AVX-512 needs AVX-512F and AVX-512VL.");
        }

        Vector512<ulong> r0 = row0, r1 = row1, r2 = row2, r3 = row3, r4 = row4;
        var roundConstants = KeccakConstants.RoundConstants;
        for (var round = 0; round < KeccakConstants.Rounds; round++)
        {
            // theta: xor each lane with the parities of the neighbouring columns
            var parity = Avx512F.TernaryLogic(Avx512F.TernaryLogic(r0, r1, r2, Xor3), r3, r4, Xor3);
            var previous = Avx512F.PermuteVar8x64(parity, ThetaPrevious);
            var next = Avx512F.RotateLeft(Avx512F.PermuteVar8x64(parity, ThetaNext), 1);
            r0 = Avx512F.TernaryLogic(r0, previous, next, Xor3);
            r1 = Avx512F.TernaryLogic(r1, previous, next, Xor3);
            r2 = Avx512F.TernaryLogic(r2, previous, next, Xor3);
            r3 = Avx512F.TernaryLogic(r3, previous, next, Xor3);
            r4 = Avx512F.TernaryLogic(r4, previous, next, Xor3);

            // rho: every lane rotates by its own offset
            r0 = Avx512F.RotateLeftVariable(r0, Rho0);
            r1 = Avx512F.RotateLeftVariable(r1, Rho1);
            r2 = Avx512F.RotateLeftVariable(r2, Rho2);
            r3 = Avx512F.RotateLeftVariable(r3, Rho3);
            r4 = Avx512F.RotateLeftVariable(r4, Rho4);

            // pi: row y becomes column y; only the order of the lanes inside each register changes
            var c0 = Avx512F.PermuteVar8x64(r0, Pi0);
            var c1 = Avx512F.PermuteVar8x64(r1, Pi1);
            var c2 = Avx512F.PermuteVar8x64(r2, Pi2);
            var c3 = Avx512F.PermuteVar8x64(r3, Pi3);
            var c4 = Avx512F.PermuteVar8x64(r4, Pi4);

            // chi on columns: column x is combined with columns x + 1 and x + 2, lane by lane
            var k0 = Avx512F.TernaryLogic(c0, c1, c2, ChiControl);
            var k1 = Avx512F.TernaryLogic(c1, c2, c3, ChiControl);
            var k2 = Avx512F.TernaryLogic(c2, c3, c4, ChiControl);
            var k3 = Avx512F.TernaryLogic(c3, c4, c0, ChiControl);
            var k4 = Avx512F.TernaryLogic(c4, c0, c1, ChiControl);

            // transpose back to rows: row y = its diagonal element | columns y+1, y+2 | columns y+3, y+4.
            // iota only changes lane (0, 0), which reaches row 0 through its diagonal term: it joins there, off the
            // chain of dependent instructions.
            var diagonal0 = Avx512F.TernaryLogic(k0, Vector512.Create(roundConstants[round]), Diagonal0, XorThenAnd);
            r0 = Avx512F.TernaryLogic(Avx512F.PermuteVar8x64x2(k1, Near0, k2), Avx512F.PermuteVar8x64x2(k3, Far0, k4), diagonal0, Or3);
            r1 = Avx512F.TernaryLogic(Avx512F.PermuteVar8x64x2(k2, Near1, k3), Avx512F.PermuteVar8x64x2(k4, Far1, k0), k1 & Diagonal1, Or3);
            r2 = Avx512F.TernaryLogic(Avx512F.PermuteVar8x64x2(k3, Near2, k4), Avx512F.PermuteVar8x64x2(k0, Far2, k1), k2 & Diagonal2, Or3);
            r3 = Avx512F.TernaryLogic(Avx512F.PermuteVar8x64x2(k4, Near3, k0), Avx512F.PermuteVar8x64x2(k1, Far3, k2), k3 & Diagonal3, Or3);
            r4 = Avx512F.TernaryLogic(Avx512F.PermuteVar8x64x2(k0, Near4, k1), Avx512F.PermuteVar8x64x2(k2, Far4, k3), k4 & Diagonal4, Or3);
        }

        row0 = r0;
        row1 = r1;
        row2 = r2;
        row3 = r3;
        row4 = r4;
    }

    private static Vector512<ulong> RhoRow(int y)
    {
        Span<ulong> offsets = stackalloc ulong[8];
        for (var x = 0; x < 5; x++)
        {
            offsets[x] = KeccakConstants.RhoOffsets[x + (5 * y)];
        }

        return Vector512.Create<ulong>(offsets);
    }

    /// <summary>
    /// Pi moves lane (x, y) to (y, 2x + 3y), so column X of the result is row X of the input, and its row Y is the
    /// input's lane x = X + 3Y (mod 5) (FIPS 202 §3.2.3: A'[x, y] = A[(x + 3y) mod 5, x]).
    /// </summary>
    private static Vector512<ulong> PiRow(int column)
    {
        Span<ulong> indices = stackalloc ulong[8];
        indices.Fill(ZeroLane);
        for (var row = 0; row < 5; row++)
        {
            indices[row] = (ulong)((column + (3 * row)) % 5);
        }

        return Vector512.Create<ulong>(indices);
    }

    /// <summary>
    /// Indices that gather row y's elements of columns y + offset (first source) and y + offset + 1 (second source):
    /// each holds them in vector lane y and they go to vector lanes y + offset and y + offset + 1. Other lanes get
    /// zero.
    /// </summary>
    private static Vector512<ulong> GatherTwoColumns(int row, int offset)
    {
        Span<ulong> indices = stackalloc ulong[8];
        indices.Fill(ZeroLane);
        indices[(row + offset) % 5] = (ulong)row;
        indices[(row + offset + 1) % 5] = (ulong)(8 + row);
        return Vector512.Create<ulong>(indices);
    }

    private static Vector512<ulong> LaneMask(int lane)
    {
        Span<ulong> mask = stackalloc ulong[8];
        mask[lane] = ulong.MaxValue;
        return Vector512.Create<ulong>(mask);
    }
}
