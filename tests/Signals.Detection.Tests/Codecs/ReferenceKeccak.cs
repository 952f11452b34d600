using System.Buffers.Binary;
using System.Text;
using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Codecs;

/// <summary>
/// Keccak-256 and EIP-55 written straight from their definitions on the scalar permutation, with none of the
/// production shortcuts (no one-block path, no vector lower-casing): the oracle the fast paths are compared with.
/// </summary>
internal static class ReferenceKeccak
{
    public static byte[] OneBlockSponge(byte[] input, byte padding)
    {
        const int rateBytes = 136;
        Assert.True(input.Length < rateBytes, "The reference handles one block.");
        var block = new byte[rateBytes];
        input.CopyTo(block, 0);
        block[input.Length] ^= padding;
        block[rateBytes - 1] ^= 0x80;

        var state = new ulong[25];
        for (var i = 0; i < rateBytes / 8; i++)
        {
            state[i] = BinaryPrimitives.ReadUInt64LittleEndian(block.AsSpan(i * 8));
        }

        KeccakPermutationScalar.Permute(state);
        var digest = new byte[32];
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest.AsSpan(i * 8), state[i]);
        }

        return digest;
    }

    /// <summary>EIP-55: hex letter i upper-cased when nibble i of Keccak-256(lower-case hex) is 8 or more.</summary>
    public static string Eip55(string anyCaseHex40)
    {
        var lower = anyCaseHex40.ToLowerInvariant();
        var hash = OneBlockSponge(Encoding.ASCII.GetBytes(lower), Keccak256.KeccakPadding);
        var result = new StringBuilder("0x");
        for (var i = 0; i < 40; i++)
        {
            var nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0xF;
            result.Append(char.IsAsciiLetter(lower[i]) && nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i]);
        }

        return result.ToString();
    }
}
