using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace Signals.Detection.Codecs;

/// <summary>
/// Original Keccak-256 (padding 0x01 … 0x80), as Ethereum uses it. .NET's SHA3_256 pads with 0x06 and gives
/// different digests, so it cannot compute EIP-55 checksums. The permutation runs lane-sliced in AVX-512 registers
/// where the CPU has them (<see cref="KeccakPermutationLaneSliced"/>) and on scalars elsewhere
/// (<see cref="KeccakPermutationScalar"/>).
/// </summary>
internal static class Keccak256
{
    private const int RateBytes = 136; // 1600-bit state minus 2 × 256-bit capacity
    private const int DigestBytes = 32;

    /// <summary>The length of an EVM address in hex, the input EIP-55 hashes; it gets a one-block path.</summary>
    internal const int AddressHexBytes = 40;

    /// <summary>Original Keccak's first padding byte; FIPS 202 SHA3-256 uses 0x06 with the same permutation.</summary>
    internal const byte KeccakPadding = 0x01;

    public static void Hash(ReadOnlySpan<byte> input, Span<byte> digest) => Sponge(input, digest, KeccakPadding);

    /// <summary>The 256-bit sponge with a chosen domain padding byte (tests compare 0x06 against .NET's SHA3-256).</summary>
    internal static void Sponge(ReadOnlySpan<byte> input, Span<byte> digest, byte padding)
    {
        if (digest.Length < DigestBytes)
        {
            throw new ArgumentException("The digest needs 32 bytes.", nameof(digest));
        }

        if (input.Length == AddressHexBytes && KeccakPermutationLaneSliced.IsSupported && BitConverter.IsLittleEndian)
        {
            HashFortyBytesLaneSliced(input, digest, padding);
            return;
        }

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (input.Length >= RateBytes)
        {
            AbsorbLanes(state, input[..RateBytes]);
            Permute(state);
            input = input[RateBytes..];
        }

        // The last block: whole lanes straight from the input, then the partial lane and both padding bytes.
        var wholeLanes = input.Length / 8;
        AbsorbLanes(state, input[..(wholeLanes * 8)]);
        var tail = input[(wholeLanes * 8)..];
        ulong partial = padding;
        for (var i = tail.Length - 1; i >= 0; i--)
        {
            partial = (partial << 8) | tail[i];
        }

        state[wholeLanes] ^= partial;
        state[(RateBytes / 8) - 1] ^= 0x80UL << 56;
        Permute(state);

        for (var i = 0; i < DigestBytes / 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest[(i * 8)..], state[i]);
        }
    }

    /// <summary>The permutation this machine runs fastest.</summary>
    internal static void Permute(Span<ulong> state)
    {
        if (KeccakPermutationLaneSliced.IsSupported)
        {
            Span<Vector128<ulong>> lanes = stackalloc Vector128<ulong>[25];
            for (var i = 0; i < 25; i++)
            {
                lanes[i] = Vector128.CreateScalar(state[i]);
            }

            KeccakPermutationLaneSliced.Permute(lanes);
            for (var i = 0; i < 25; i++)
            {
                state[i] = lanes[i].ToScalar();
            }
        }
        else
        {
            KeccakPermutationScalar.Permute(state);
        }
    }

    private static void AbsorbLanes(Span<ulong> state, ReadOnlySpan<byte> wholeLanes)
    {
        for (var i = 0; i < wholeLanes.Length / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(wholeLanes[(i * 8)..]);
        }
    }

    /// <summary>
    /// 40 bytes are lanes 0…4 of a one-block state, built straight into the permutation's registers: the padding byte
    /// goes to lane 5, the final 0x80 to lane 16, every other lane is zero; the digest is lanes 0…3.
    /// </summary>
    private static void HashFortyBytesLaneSliced(ReadOnlySpan<byte> input, Span<byte> digest, byte padding)
    {
        Span<Vector128<ulong>> lanes = stackalloc Vector128<ulong>[25];
        lanes.Clear();
        for (var i = 0; i < AddressHexBytes / 8; i++)
        {
            lanes[i] = Vector128.CreateScalar(BinaryPrimitives.ReadUInt64LittleEndian(input[(i * 8)..]));
        }

        lanes[AddressHexBytes / 8] = Vector128.CreateScalar((ulong)padding);
        lanes[(RateBytes / 8) - 1] = Vector128.CreateScalar(0x80UL << 56);
        KeccakPermutationLaneSliced.Permute(lanes);
        for (var i = 0; i < DigestBytes / 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest[(i * 8)..], lanes[i].ToScalar());
        }
    }
}
