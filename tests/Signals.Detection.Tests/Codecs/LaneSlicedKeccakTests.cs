using System.Runtime.Intrinsics;
using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Codecs;

public sealed class LaneSlicedKeccakTests
{
    [Avx512Fact]
    public void Both_states_of_a_vector_are_permuted_as_the_scalar_permutation_permutes_each_alone()
    {
        var random = new Random(8);
        for (var trial = 0; trial < 2000; trial++)
        {
            var first = RandomState(random);
            var second = RandomState(random);
            var lanes = new Vector128<ulong>[25];
            for (var lane = 0; lane < 25; lane++)
            {
                lanes[lane] = Vector128.Create(first[lane], second[lane]);
            }

            KeccakPermutationLaneSliced.Permute(lanes);

            KeccakPermutationScalar.Permute(first);
            KeccakPermutationScalar.Permute(second);
            Assert.Equal(first, lanes.Select(v => v[0]).ToArray());
            Assert.Equal(second, lanes.Select(v => v[1]).ToArray());
        }
    }

    [Avx512Fact]
    public void A_single_bit_in_one_state_reaches_that_state_only()
    {
        // One set bit reaches every lane position and rotation; the other state stays the zero state's image.
        var zeroImage = new ulong[25];
        KeccakPermutationScalar.Permute(zeroImage);
        Assert.Equal(0xF1258F7940E1DDE7UL, zeroImage[0]); // keccak.team's published first lane
        for (var bit = 0; bit < 1600; bit++)
        {
            var owner = bit % 2;
            var lanes = new Vector128<ulong>[25];
            lanes[bit / 64] = Vector128<ulong>.Zero.WithElement(owner, 1UL << (bit % 64));

            KeccakPermutationLaneSliced.Permute(lanes);

            var expected = new ulong[25];
            expected[bit / 64] = 1UL << (bit % 64);
            KeccakPermutationScalar.Permute(expected);
            Assert.Equal(expected, lanes.Select(v => v[owner]).ToArray());
            Assert.Equal(zeroImage, lanes.Select(v => v[1 - owner]).ToArray());
        }
    }

    [Avx512Fact]
    public void A_state_shorter_than_25_lanes_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeccakPermutationLaneSliced.Permute(new Vector128<ulong>[24]));
    }

    private static ulong[] RandomState(Random random)
    {
        var state = new ulong[25];
        for (var lane = 0; lane < 25; lane++)
        {
            state[lane] = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
        }

        return state;
    }
}
