using System.Buffers.Binary;
using System.Numerics;

namespace Signals.Detection.Codecs;

/// <summary>
/// Original Keccak-256 (padding 0x01 … 0x80), as Ethereum uses it. .NET's SHA3_256 pads with 0x06 and gives
/// different digests, so it cannot compute EIP-55 checksums. Constants are those of the Keccak reference
/// (keccak.team, "Keccak-f[1600]" round constants and rotation offsets; also FIPS 202 §3.2).
/// </summary>
internal static class Keccak256
{
    private const int RateBytes = 136; // 1600-bit state minus 2 × 256-bit capacity

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    // Rho rotation offsets in the order the pi permutation visits lanes, starting from lane 1.
    private static readonly int[] Rotations = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
    private static readonly int[] PiLanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    public static void Hash(ReadOnlySpan<byte> input, Span<byte> digest) => Sponge(input, digest, KeccakPadding);

    /// <summary>Original Keccak's first padding byte; FIPS 202 SHA3-256 uses 0x06 with the same permutation.</summary>
    internal const byte KeccakPadding = 0x01;

    /// <summary>The 256-bit sponge with a chosen domain padding byte (tests compare 0x06 against .NET's SHA3-256).</summary>
    internal static void Sponge(ReadOnlySpan<byte> input, Span<byte> digest, byte padding)
    {
        if (digest.Length < 32)
        {
            throw new ArgumentException("The digest needs 32 bytes.", nameof(digest));
        }

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (input.Length >= RateBytes)
        {
            Absorb(state, input[..RateBytes]);
            Permute(state);
            input = input[RateBytes..];
        }

        Span<byte> last = stackalloc byte[RateBytes];
        last.Clear();
        input.CopyTo(last);
        last[input.Length] ^= padding;
        last[RateBytes - 1] ^= 0x80;
        Absorb(state, last);
        Permute(state);

        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest[(i * 8)..], state[i]);
        }
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < RateBytes / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }
    }

    private static void Permute(Span<ulong> a)
    {
        Span<ulong> c = stackalloc ulong[5];
        for (var round = 0; round < 24; round++)
        {
            // theta: mix each column's parity into its neighbours
            for (var x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }

            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    a[y + x] ^= d;
                }
            }

            // rho and pi together: walk the lane cycle, rotating as we move
            var carried = a[1];
            for (var i = 0; i < 24; i++)
            {
                var lane = PiLanes[i];
                var next = a[lane];
                a[lane] = BitOperations.RotateLeft(carried, Rotations[i]);
                carried = next;
            }

            // chi: the only non-linear step, row by row
            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    c[x] = a[y + x];
                }

                for (var x = 0; x < 5; x++)
                {
                    a[y + x] = c[x] ^ (~c[(x + 1) % 5] & c[(x + 2) % 5]);
                }
            }

            // iota
            a[0] ^= RoundConstants[round];
        }
    }
}
