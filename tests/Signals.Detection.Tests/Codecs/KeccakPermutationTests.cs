using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Codecs;

public sealed class KeccakPermutationTests
{
    // Keccak-f[1600] applied once to the all-zero state: the Keccak team's published intermediate values
    // (keccak.team, "KeccakF-1600-IntermediateValues.txt", the state after the first permutation), lanes a[x + 5y].
    private static readonly ulong[] PermutedZeroState =
    [
        0xF1258F7940E1DDE7, 0x84D5CCF933C0478A, 0xD598261EA65AA9EE, 0xBD1547306F80494D, 0x8B284E056253D057,
        0xFF97A42D7F8E6FD4, 0x90FEE5A0A44647C4, 0x8C5BDA0CD6192E76, 0xAD30A6F71B19059C, 0x30935AB7D08FFC64,
        0xEB5AA93F2317D635, 0xA9A6E6260D712103, 0x81A57C16DBCF555F, 0x43B831CD0347C826, 0x01F22F1A11A5569F,
        0x05E5635A21D9AE61, 0x64BEFEF28CC970F2, 0x613670957BC46611, 0xB87C5A554FD00ECB, 0x8C3EE88A1CCF32C8,
        0x940C7922AE3A2614, 0x1841F924A2C509E4, 0x16F53526E70465C2, 0x75F644E97F30A13B, 0xEAF1FF7B5CECA249,
    ];

    [Fact]
    public void Scalar_permutation_of_the_zero_state_matches_the_published_values()
    {
        var state = new ulong[25];
        KeccakPermutationScalar.Permute(state);
        Assert.Equal(PermutedZeroState, state);
    }

    [Avx512Fact]
    public void Vector_permutation_of_the_zero_state_matches_the_published_values()
    {
        var state = new ulong[25];
        Keccak256.Permute(state);
        Assert.Equal(PermutedZeroState, state);
    }

    [Avx512Fact]
    public void Vector_and_scalar_permutations_agree_on_random_states()
    {
        var random = new Random(1600);
        var bytes = new byte[25 * 8];
        for (var trial = 0; trial < 5000; trial++)
        {
            random.NextBytes(bytes);
            var state = new ulong[25];
            Buffer.BlockCopy(bytes, 0, state, 0, bytes.Length);
            AssertBothPermutationsAgree(state, $"trial {trial}");
        }
    }

    [Avx512Fact]
    public void Vector_and_scalar_permutations_agree_on_single_bit_states()
    {
        // One set bit per state reaches every lane position and rotation, so a wrong index or offset shows up.
        for (var bit = 0; bit < 1600; bit++)
        {
            var state = new ulong[25];
            state[bit / 64] = 1UL << (bit % 64);
            AssertBothPermutationsAgree(state, $"bit {bit}");
        }
    }

    private static void AssertBothPermutationsAgree(ulong[] state, string what)
    {
        var scalar = (ulong[])state.Clone();
        var vector = (ulong[])state.Clone();

        KeccakPermutationScalar.Permute(scalar);
        Keccak256.Permute(vector);

        Assert.True(scalar.AsSpan().SequenceEqual(vector), what);
    }
}
