using System.Numerics;

namespace Signals.Detection.Codecs;

/// <summary>
/// Keccak-f[1600] on 64-bit scalars: the portable path, and the reference the vector path is tested against.
/// </summary>
internal static class KeccakPermutationScalar
{
    public static void Permute(Span<ulong> state)
    {
        // Lanes in locals (a[x + 5y]), one round per loop: the JIT keeps most of them in registers.
        ulong a00 = state[0], a01 = state[1], a02 = state[2], a03 = state[3], a04 = state[4];
        ulong a05 = state[5], a06 = state[6], a07 = state[7], a08 = state[8], a09 = state[9];
        ulong a10 = state[10], a11 = state[11], a12 = state[12], a13 = state[13], a14 = state[14];
        ulong a15 = state[15], a16 = state[16], a17 = state[17], a18 = state[18], a19 = state[19];
        ulong a20 = state[20], a21 = state[21], a22 = state[22], a23 = state[23], a24 = state[24];
        var roundConstants = KeccakConstants.RoundConstants;
        for (var round = 0; round < KeccakConstants.Rounds; round++)
        {
            // theta: mix each column's parity into its neighbours
            var c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            var c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            var c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            var c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            var c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            var d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            var d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            var d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            var d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            var d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            a00 ^= d0; a01 ^= d1; a02 ^= d2; a03 ^= d3; a04 ^= d4;
            a05 ^= d0; a06 ^= d1; a07 ^= d2; a08 ^= d3; a09 ^= d4;
            a10 ^= d0; a11 ^= d1; a12 ^= d2; a13 ^= d3; a14 ^= d4;
            a15 ^= d0; a16 ^= d1; a17 ^= d2; a18 ^= d3; a19 ^= d4;
            a20 ^= d0; a21 ^= d1; a22 ^= d2; a23 ^= d3; a24 ^= d4;

            // rho and pi: lane (x, y) rotates by its offset (FIPS 202 §3.2.2, Table 2) and moves to (y, 2x + 3y)
            var b00 = a00;
            var b01 = BitOperations.RotateLeft(a06, 44);
            var b02 = BitOperations.RotateLeft(a12, 43);
            var b03 = BitOperations.RotateLeft(a18, 21);
            var b04 = BitOperations.RotateLeft(a24, 14);
            var b05 = BitOperations.RotateLeft(a03, 28);
            var b06 = BitOperations.RotateLeft(a09, 20);
            var b07 = BitOperations.RotateLeft(a10, 3);
            var b08 = BitOperations.RotateLeft(a16, 45);
            var b09 = BitOperations.RotateLeft(a22, 61);
            var b10 = BitOperations.RotateLeft(a01, 1);
            var b11 = BitOperations.RotateLeft(a07, 6);
            var b12 = BitOperations.RotateLeft(a13, 25);
            var b13 = BitOperations.RotateLeft(a19, 8);
            var b14 = BitOperations.RotateLeft(a20, 18);
            var b15 = BitOperations.RotateLeft(a04, 27);
            var b16 = BitOperations.RotateLeft(a05, 36);
            var b17 = BitOperations.RotateLeft(a11, 10);
            var b18 = BitOperations.RotateLeft(a17, 15);
            var b19 = BitOperations.RotateLeft(a23, 56);
            var b20 = BitOperations.RotateLeft(a02, 62);
            var b21 = BitOperations.RotateLeft(a08, 55);
            var b22 = BitOperations.RotateLeft(a14, 39);
            var b23 = BitOperations.RotateLeft(a15, 41);
            var b24 = BitOperations.RotateLeft(a21, 2);

            // chi: the only non-linear step, row by row
            a00 = b00 ^ (~b01 & b02);
            a01 = b01 ^ (~b02 & b03);
            a02 = b02 ^ (~b03 & b04);
            a03 = b03 ^ (~b04 & b00);
            a04 = b04 ^ (~b00 & b01);
            a05 = b05 ^ (~b06 & b07);
            a06 = b06 ^ (~b07 & b08);
            a07 = b07 ^ (~b08 & b09);
            a08 = b08 ^ (~b09 & b05);
            a09 = b09 ^ (~b05 & b06);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);

            // iota
            a00 ^= roundConstants[round];
        }

        state[0] = a00; state[1] = a01; state[2] = a02; state[3] = a03; state[4] = a04;
        state[5] = a05; state[6] = a06; state[7] = a07; state[8] = a08; state[9] = a09;
        state[10] = a10; state[11] = a11; state[12] = a12; state[13] = a13; state[14] = a14;
        state[15] = a15; state[16] = a16; state[17] = a17; state[18] = a18; state[19] = a19;
        state[20] = a20; state[21] = a21; state[22] = a22; state[23] = a23; state[24] = a24;
    }
}
