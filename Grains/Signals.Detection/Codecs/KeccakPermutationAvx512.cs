using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Signals.Detection.Codecs;

/// <summary>
/// Keccak-f[1600] on one state in five AVX-512 registers. The idea (rows of the 5×5 state in vector lanes, chi as
/// one vpternlogq, rho as one vprolvq per row) is the one XKCP's AVX-512 implementation describes; the data
/// movement here is our own. It is chosen for few instructions per round (38): on the AMD EPYC (Zen 4) this runs on,
/// 512-bit instructions issue about once a cycle, so their count sets the speed. A variant with a shorter chain of
/// dependent instructions but 45 instructions per round (each row merged from its diagonal element and two permutes
/// with zeroed lanes) measured no faster.
/// <para>
/// Two layouts alternate within a round. Theta and rho work on rows: register y holds lanes (x, y), x = 0…4 in
/// vector lanes 0…4. Pi sends row y to column y, so after one in-register lane permute per row the registers hold
/// columns, with the rows of a column in the vector lanes. In that layout chi's neighbours (x + 1, x + 2) are other
/// registers, so chi is five ternary-logic instructions and needs no lane shuffles at all. A 5×5 transpose
/// (eight two-source permutes, four blends) then returns the columns to rows for the next theta.
/// </para>
/// <para>
/// In the column layout the vector lanes hold rows y in the order <see cref="ColumnRowOfLane"/>: rows 0…4, then
/// copies of rows 3, 4 and 0 in lanes 5…7. Chi computes the copies for free (it is lane-wise), and they let the
/// transpose gather from three registers with only blends, without extra permutes. Lanes 5…7 of the row layout
/// carry nothing of value and never reach lanes 0…4.
/// </para>
/// </summary>
internal static class KeccakPermutationAvx512
{
    public static bool IsSupported => Avx512F.IsSupported && Avx512F.VL.IsSupported;

    // vpternlogq truth tables over (a, b, c) = (0xF0, 0xCC, 0xAA).
    private const byte Xor3 = 0x96;          // a ^ b ^ c
    private const byte ChiControl = 0xD2;    // a ^ (~b & c)
    private const byte Select = 0xCA;        // a ? b : c, bit by bit (a is the mask)

    /// <summary>Which row y the vector lanes 0…7 of a column register hold (lanes 5…7 are copies).</summary>
    private static ReadOnlySpan<byte> ColumnRowOfLane => [0, 1, 2, 3, 4, 3, 4, 0];

    // Theta: lane x receives the parity of column x - 1, and of column x + 1 (then rotated by one).
    private static readonly Vector512<ulong> ThetaPrevious = Vector512.Create(4UL, 0, 1, 2, 3, 5, 6, 7);
    private static readonly Vector512<ulong> ThetaNext = Vector512.Create(1UL, 2, 3, 4, 0, 5, 6, 7);

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

    /// <summary>The lanes of column 0 that hold row 0 (lane 0 and its copy in lane 7): where iota adds.</summary>
    private static readonly Vector512<ulong> IotaLanes = Vector512.Create(ulong.MaxValue, 0, 0, 0, 0, 0, 0, ulong.MaxValue);

    // Transpose, columns K0…K4 to rows R0…R4. Index values 0…7 pick from the first source, 8…15 from the second;
    // 0 marks a lane whose value does not matter. Kx[y] names row y of column x.
    //   I1 = K2 rows 0-2 in lanes 0-2 (blend) | K0[0] K0[1] K0[2] K1[1] K1[2] in lanes 3-7 (from K0, K1)
    //   I2 = K3[0] K3[1] K3[2] K4[0] K4[1] K4[2] in lanes 0-5 (from K3, K4) | K1's copy of row 0 in lane 7 (blend)
    //   I3 = K0[3] K0[4] K1[3] in lanes 0-2, K1[4] in lane 7 (from K0, K1) | K2 rows 3-4 in lanes 3-4 and K3's
    //        copies of rows 3-4 in lanes 5-6 (blends)
    //   R0…R2 come from I1 and I2; R3 and R4 from I3 and K4.
    private static readonly Vector512<ulong> GatherI1 = Vector512.Create(0UL, 0, 0, 0, 1, 2, 9, 10);
    private static readonly Vector512<ulong> GatherI2 = Vector512.Create(0UL, 1, 2, 8, 9, 10, 0, 0);
    private static readonly Vector512<ulong> GatherI3 = Vector512.Create(3UL, 4, 11, 0, 0, 0, 0, 12);
    private static readonly Vector512<ulong> LanesI1FromK2 = LaneMask(0, 1, 2);
    private static readonly Vector512<ulong> LaneI2FromK1 = LaneMask(7);
    private static readonly Vector512<ulong> LanesFromK3 = LaneMask(5, 6);
    private static readonly Vector512<ulong> LanesI3FromK2K3 = LaneMask(3, 4, 5, 6);
    private static readonly Vector512<ulong> RowFromI1I2Row0 = Vector512.Create(3UL, 15, 0, 8, 11, 0, 0, 0);
    private static readonly Vector512<ulong> RowFromI1I2Row1 = Vector512.Create(4UL, 6, 1, 9, 12, 0, 0, 0);
    private static readonly Vector512<ulong> RowFromI1I2Row2 = Vector512.Create(5UL, 7, 2, 10, 13, 0, 0, 0);
    private static readonly Vector512<ulong> RowFromI3K4Row3 = Vector512.Create(0UL, 2, 3, 5, 11, 0, 0, 0);
    private static readonly Vector512<ulong> RowFromI3K4Row4 = Vector512.Create(1UL, 7, 4, 6, 12, 0, 0, 0);

    /// <summary>Permutes 25 lanes a[x + 5y] in place.</summary>
    public static void Permute(Span<ulong> state)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(state.Length, 25, nameof(state));
        ref var lanes = ref MemoryMarshal.GetReference(state);
        var row0 = Vector512.LoadUnsafe(ref lanes, 0);
        var row1 = Vector512.LoadUnsafe(ref lanes, 5);
        var row2 = Vector512.LoadUnsafe(ref lanes, 10);
        var row3 = Vector512.LoadUnsafe(ref lanes, 15);
        var row4 = Vector512.Create(Vector256.LoadUnsafe(ref lanes, 20), Vector256.CreateScalar(Unsafe.Add(ref lanes, 24)));

        Permute(ref row0, ref row1, ref row2, ref row3, ref row4);

        // Each full store spills three junk lanes into the next row, which the next store overwrites.
        row0.StoreUnsafe(ref lanes, 0);
        row1.StoreUnsafe(ref lanes, 5);
        row2.StoreUnsafe(ref lanes, 10);
        row3.StoreUnsafe(ref lanes, 15);
        row4.GetLower().StoreUnsafe(ref lanes, 20);
        Unsafe.Add(ref lanes, 24) = row4.GetElement(4);
    }

    /// <summary>
    /// Permutes a state given as five rows (register y, vector lane x holds a[x + 5y]; lanes 5…7 are ignored on
    /// input and undefined on output).
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

            // chi on columns: column x is combined with columns x + 1 and x + 2, lane by lane; iota into (0, 0)
            var iota = Vector512.Create(roundConstants[round]) & IotaLanes;
            var k0 = Avx512F.TernaryLogic(c0, c1, c2, ChiControl) ^ iota;
            var k1 = Avx512F.TernaryLogic(c1, c2, c3, ChiControl);
            var k2 = Avx512F.TernaryLogic(c2, c3, c4, ChiControl);
            var k3 = Avx512F.TernaryLogic(c3, c4, c0, ChiControl);
            var k4 = Avx512F.TernaryLogic(c4, c0, c1, ChiControl);

            // transpose columns back to rows (see the field comments above)
            var i1 = Avx512F.TernaryLogic(LanesI1FromK2, k2, Avx512F.PermuteVar8x64x2(k0, GatherI1, k1), Select);
            var i2 = Avx512F.TernaryLogic(LaneI2FromK1, k1, Avx512F.PermuteVar8x64x2(k3, GatherI2, k4), Select);
            var k2k3 = Avx512F.TernaryLogic(LanesFromK3, k3, k2, Select);
            var i3 = Avx512F.TernaryLogic(LanesI3FromK2K3, k2k3, Avx512F.PermuteVar8x64x2(k0, GatherI3, k1), Select);
            r0 = Avx512F.PermuteVar8x64x2(i1, RowFromI1I2Row0, i2);
            r1 = Avx512F.PermuteVar8x64x2(i1, RowFromI1I2Row1, i2);
            r2 = Avx512F.PermuteVar8x64x2(i1, RowFromI1I2Row2, i2);
            r3 = Avx512F.PermuteVar8x64x2(i3, RowFromI3K4Row3, k4);
            r4 = Avx512F.PermuteVar8x64x2(i3, RowFromI3K4Row4, k4);
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
    /// Pi moves lane (x, y) to (y, 2x + 3y), so column X of the result is row X of the input and its row Y is the
    /// input's lane x = X + 3Y (mod 5) (FIPS 202 §3.2.3). Vector lane ℓ of column X must hold row
    /// <see cref="ColumnRowOfLane"/>[ℓ].
    /// </summary>
    private static Vector512<ulong> PiRow(int column)
    {
        Span<ulong> indices = stackalloc ulong[8];
        for (var lane = 0; lane < 8; lane++)
        {
            indices[lane] = (ulong)((column + (3 * ColumnRowOfLane[lane])) % 5);
        }

        return Vector512.Create<ulong>(indices);
    }

    private static Vector512<ulong> LaneMask(params ReadOnlySpan<int> lanesSet)
    {
        Span<ulong> mask = stackalloc ulong[8];
        foreach (var lane in lanesSet)
        {
            mask[lane] = ulong.MaxValue;
        }

        return Vector512.Create<ulong>(mask);
    }
}
